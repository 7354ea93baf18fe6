using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Coordination.Assignment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LawRelated = table.Column<bool>(type: "boolean", nullable: false),
                    OtherRegionCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    AccusedUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaderInstructed = table.Column<bool>(type: "boolean", nullable: false),
                    ToBeijing = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RuleSetVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReturnCount = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WindowEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReviewDecision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Final = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponsibleUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResponsibleGroup = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResponsibleLeader = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResponsiblePerson = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReminderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupervisionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupervisionSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextActionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    IsTimer = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_deactivated_people",
                columns: table => new
                {
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    deactivated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_deactivated_people", x => x.subject);
                });

            migrationBuilder.CreateTable(
                name: "directory_units",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_units", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "holidays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holidays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    correlation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    quarantined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    quarantine_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    unroutable_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "routing_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CatalogueVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RegionPrefix = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routing_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rule_sets",
                columns: table => new
                {
                    Version = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    AcknowledgeWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    AcceptNoticeDays = table.Column<int>(type: "integer", nullable: false),
                    ObjectionWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    HandlingDays = table.Column<int>(type: "integer", nullable: false),
                    MaxExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    RehandlingDays = table.Column<int>(type: "integer", nullable: false),
                    ReviewRequestDays = table.Column<int>(type: "integer", nullable: false),
                    ReviewDecisionDays = table.Column<int>(type: "integer", nullable: false),
                    ReturnCap = table.Column<int>(type: "integer", nullable: false),
                    ReminderFraction = table.Column<double>(type: "double precision", nullable: false),
                    SupervisionWorkingDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rule_sets", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RoutedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgeDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ObjectionDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StatusBeforeReturn = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: true),
                    ExtensionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ExtensionStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HandlingDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportOutcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReportAnswer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SignedOffBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SendBackCount = table.Column<int>(type: "integer", nullable: false),
                    SendBackReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignments_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "holidays",
                columns: new[] { "Date", "Name" },
                values: new object[,]
                {
                    { new DateOnly(2026, 10, 1), "国庆节" },
                    { new DateOnly(2026, 10, 2), "国庆节" },
                    { new DateOnly(2026, 10, 5), "国庆节" },
                    { new DateOnly(2026, 10, 6), "国庆节" },
                    { new DateOnly(2026, 10, 7), "国庆节" },
                    { new DateOnly(2027, 1, 1), "元旦" },
                    { new DateOnly(2027, 2, 5), "春节" },
                    { new DateOnly(2027, 2, 8), "春节" },
                    { new DateOnly(2027, 2, 9), "春节" },
                    { new DateOnly(2027, 2, 10), "春节" },
                    { new DateOnly(2027, 2, 11), "春节" }
                });

            migrationBuilder.InsertData(
                table: "routing_rules",
                columns: new[] { "Id", "CatalogueVersion", "Kind", "RegionPrefix", "Topic", "UnitCode" },
                values: new object[,]
                {
                    { 1, "2026.1", "assignment", "3201", "housing", "nanjing-housing-bureau" },
                    { 2, "2026.1", "assignment", "320102", "housing", "xuanwu-housing-office" },
                    { 3, "2026.1", "assignment", "3201", "labour", "nanjing-labour-bureau" },
                    { 4, "2026.1", "assignment", "3201", "land", "nanjing-land-bureau" },
                    { 5, "2026.1", "transfer", "32", "environment", "jiangsu-environment-department" },
                    { 6, "2026.1", "assignment", "3202", null, "wuxi-petition-office" }
                });

            migrationBuilder.InsertData(
                table: "rule_sets",
                columns: new[] { "Version", "AcceptNoticeDays", "AcknowledgeWorkingDays", "EffectiveFrom", "HandlingDays", "MaxExtensionDays", "ObjectionWorkingDays", "RehandlingDays", "ReminderFraction", "ReturnCap", "ReviewDecisionDays", "ReviewRequestDays", "SupervisionWorkingDays" },
                values: new object[] { "2026.1", 15, 3, new DateOnly(2000, 1, 1), 60, 30, 5, 30, 0.80000000000000004, 2, 30, 30, 5 });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_CaseId",
                table: "assignments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_UnitCode_Status",
                table: "assignments",
                columns: new[] { "UnitCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseNumber",
                table: "cases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_Status_RegionCode",
                table: "cases",
                columns: new[] { "Status", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_AssignmentId",
                table: "deadlines",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_CaseId_Step",
                table: "deadlines",
                columns: new[] { "CaseId", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_NextActionAt",
                table: "deadlines",
                column: "NextActionAt",
                filter: "\"NextActionAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_processed_at",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_correlation_id_sequence",
                table: "outbox_messages",
                columns: new[] { "correlation_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_sequence",
                table: "outbox_messages",
                column: "sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignments");

            migrationBuilder.DropTable(
                name: "deadlines");

            migrationBuilder.DropTable(
                name: "directory_deactivated_people");

            migrationBuilder.DropTable(
                name: "directory_units");

            migrationBuilder.DropTable(
                name: "holidays");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "routing_rules");

            migrationBuilder.DropTable(
                name: "rule_sets");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}
