using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Intake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PetitionerSelfService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "QueryPin",
                table: "petitions",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_progress",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewWindowEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RatingReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RatedByPetitioner = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewStage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ReviewDecideBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewDecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ReviewAnswer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RatingPending = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewPending = table.Column<bool>(type: "boolean", nullable: false),
                    Refusal = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Holders = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_progress", x => x.CaseId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_progress");

            migrationBuilder.DropColumn(
                name: "QueryPin",
                table: "petitions");
        }
    }
}
