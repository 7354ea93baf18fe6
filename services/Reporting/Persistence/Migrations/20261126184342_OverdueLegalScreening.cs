using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Reporting.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OverdueLegalScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedBy",
                table: "handovers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Collective",
                table: "case_facts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Major",
                table: "case_facts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ResponsiblePerson",
                table: "case_facts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleUnit",
                table: "case_facts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "legal_referrals",
                columns: table => new
                {
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Channel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstitutionCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StatusAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_referrals", x => x.ReferralId);
                });

            migrationBuilder.CreateTable(
                name: "overdue_deadlines",
                columns: table => new
                {
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reminders = table.Column<int>(type: "integer", nullable: false),
                    Urges = table.Column<int>(type: "integer", nullable: false),
                    Supervisions = table.Column<int>(type: "integer", nullable: false),
                    LastMissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastClearedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdue_deadlines", x => x.DeadlineId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_legal_referrals_RegionCode",
                table: "legal_referrals",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_overdue_deadlines_CaseId",
                table: "overdue_deadlines",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_overdue_deadlines_LastMissedAt",
                table: "overdue_deadlines",
                column: "LastMissedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legal_referrals");

            migrationBuilder.DropTable(
                name: "overdue_deadlines");

            migrationBuilder.DropColumn(
                name: "AcknowledgedBy",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "Collective",
                table: "case_facts");

            migrationBuilder.DropColumn(
                name: "Major",
                table: "case_facts");

            migrationBuilder.DropColumn(
                name: "ResponsiblePerson",
                table: "case_facts");

            migrationBuilder.DropColumn(
                name: "ResponsibleUnit",
                table: "case_facts");
        }
    }
}
