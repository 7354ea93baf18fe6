using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Intake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SuggestionProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Commendation",
                table: "case_progress",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestionOutcome",
                table: "case_progress",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestionReasons",
                table: "case_progress",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Commendation",
                table: "case_progress");

            migrationBuilder.DropColumn(
                name: "SuggestionOutcome",
                table: "case_progress");

            migrationBuilder.DropColumn(
                name: "SuggestionReasons",
                table: "case_progress");
        }
    }
}
