using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Reporting.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OverdueTracks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Track",
                table: "overdue_deadlines",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Track",
                table: "overdue_deadlines");
        }
    }
}
