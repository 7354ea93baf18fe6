using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Reporting.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MeetingReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "action_item_facts",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_item_facts", x => x.ItemId);
                });

            migrationBuilder.CreateTable(
                name: "meeting_facts",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    Parties = table.Column<List<string>>(type: "text[]", nullable: false),
                    Answered = table.Column<List<string>>(type: "text[]", nullable: false),
                    PositionsIn = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_facts", x => x.MeetingId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_item_facts_MeetingId",
                table: "action_item_facts",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_facts_CaseId",
                table: "meeting_facts",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_item_facts");

            migrationBuilder.DropTable(
                name: "meeting_facts");
        }
    }
}
