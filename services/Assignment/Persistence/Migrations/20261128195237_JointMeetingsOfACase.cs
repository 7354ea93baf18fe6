using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Assignment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JointMeetingsOfACase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<Guid>>(
                name: "MeetingIds",
                table: "cases",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'::uuid[]"); // cases opened before: no meeting recorded yet
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MeetingIds",
                table: "cases");
        }
    }
}
