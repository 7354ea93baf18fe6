using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Coordination.Assignment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MajorEventsAndAccountability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accountability_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Unit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Person = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Evidence = table.Column<List<string>>(type: "text[]", nullable: false),
                    Decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accountability_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accountability_rules",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accountability_rules", x => x.Kind);
                    table.CheckConstraint("ck_accountability_rules_WorkingDays", "\"WorkingDays\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "early_warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_early_warnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "major_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Unit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EarlyWarningId = table.Column<Guid>(type: "uuid", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstReportDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosingSummary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_major_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "major_event_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MajorEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Levels = table.Column<List<string>>(type: "text[]", nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReportedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_major_event_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_major_event_reports_major_events_MajorEventId",
                        column: x => x.MajorEventId,
                        principalTable: "major_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "return_dispatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MajorEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Destination = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FromUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    People = table.Column<List<string>>(type: "text[]", nullable: false),
                    DepartAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrderedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrderedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PetitionersReturned = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OutcomeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_return_dispatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_return_dispatches_major_events_MajorEventId",
                        column: x => x.MajorEventId,
                        principalTable: "major_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "accountability_rules",
                columns: new[] { "Kind", "Description", "Enabled", "WorkingDays" },
                values: new object[,]
                {
                    { "beijing_report_late", "进京案件处理情况逾期未报（第九条）：办理时限已过仍未报送", true, 0 },
                    { "major_event_unreported", "重大紧急信访事项未按时报告（第十三条）：首报时限已过仍未报告", true, 0 },
                    { "overdue_after_supervision", "督办后仍逾期：督办后若干个工作日仍未办结的时限", true, 5 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_accountability_files_RegionCode_OpenedAt",
                table: "accountability_files",
                columns: new[] { "RegionCode", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_accountability_files_Rule_SubjectId",
                table: "accountability_files",
                columns: new[] { "Rule", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_major_event_reports_MajorEventId_Sequence",
                table: "major_event_reports",
                columns: new[] { "MajorEventId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_major_events_CaseId",
                table: "major_events",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_major_events_RegionCode_OpenedAt",
                table: "major_events",
                columns: new[] { "RegionCode", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_return_dispatches_MajorEventId",
                table: "return_dispatches",
                column: "MajorEventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accountability_files");

            migrationBuilder.DropTable(
                name: "accountability_rules");

            migrationBuilder.DropTable(
                name: "early_warnings");

            migrationBuilder.DropTable(
                name: "major_event_reports");

            migrationBuilder.DropTable(
                name: "return_dispatches");

            migrationBuilder.DropTable(
                name: "major_events");
        }
    }
}
