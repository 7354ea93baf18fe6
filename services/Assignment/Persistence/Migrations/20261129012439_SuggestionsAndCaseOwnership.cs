using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Assignment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SuggestionsAndCaseOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OwnershipProgressWorkingDays",
                table: "rule_sets",
                type: "integer",
                nullable: false,
                defaultValue: 10); // rule sets saved before: the default interval, never 0 (the check below)

            migrationBuilder.AddColumn<int>(
                name: "SuggestionEvaluationWorkingDays",
                table: "rule_sets",
                type: "integer",
                nullable: false,
                defaultValue: 20);

            migrationBuilder.AddColumn<bool>(
                name: "LongStandingPetitioner",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "case_ownerships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Leader = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(130)", maxLength: 130, nullable: false),
                    LeaderUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Plan = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    JointUnits = table.Column<List<string>>(type: "text[]", nullable: false),
                    ProgressEveryWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextProgressDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LastNoteAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Notes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_ownerships", x => x.Id);
                    table.CheckConstraint("ck_case_ownerships_every", "\"ProgressEveryWorkingDays\" >= 1");
                });

            migrationBuilder.CreateTable(
                name: "ownership_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ownership_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "suggestions",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PassedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvaluateBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EvaluatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Commendation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CommendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suggestions", x => x.CaseId);
                });

            migrationBuilder.UpdateData(
                table: "rule_sets",
                keyColumn: "Version",
                keyValue: "2026.1",
                columns: new[] { "OwnershipProgressWorkingDays", "SuggestionEvaluationWorkingDays" },
                values: new object[] { 10, 20 });

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_OwnershipProgressWorkingDays",
                table: "rule_sets",
                sql: "\"OwnershipProgressWorkingDays\" >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_SuggestionEvaluationWorkingDays",
                table: "rule_sets",
                sql: "\"SuggestionEvaluationWorkingDays\" >= 1");

            migrationBuilder.CreateIndex(
                name: "IX_case_ownerships_CaseId",
                table: "case_ownerships",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_ownerships_Leader_NextProgressDueAt",
                table: "case_ownerships",
                columns: new[] { "Leader", "NextProgressDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_case_ownerships_RegionCode_NextProgressDueAt",
                table: "case_ownerships",
                columns: new[] { "RegionCode", "NextProgressDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ownership_notes_OwnershipId_RecordedAt",
                table: "ownership_notes",
                columns: new[] { "OwnershipId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestions_RegionCode_ReceivedAt",
                table: "suggestions",
                columns: new[] { "RegionCode", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestions_UnitCode_ReceivedAt",
                table: "suggestions",
                columns: new[] { "UnitCode", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_ownerships");

            migrationBuilder.DropTable(
                name: "ownership_notes");

            migrationBuilder.DropTable(
                name: "suggestions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_OwnershipProgressWorkingDays",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_SuggestionEvaluationWorkingDays",
                table: "rule_sets");

            migrationBuilder.DropColumn(
                name: "OwnershipProgressWorkingDays",
                table: "rule_sets");

            migrationBuilder.DropColumn(
                name: "SuggestionEvaluationWorkingDays",
                table: "rule_sets");

            migrationBuilder.DropColumn(
                name: "LongStandingPetitioner",
                table: "cases");
        }
    }
}
