using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Coordination.Assignment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkingCalendarAndRuleSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "holidays");

            migrationBuilder.AlterColumn<string>(
                name: "Version",
                table: "rule_sets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SavedAt",
                table: "rule_sets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "rule_sets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "ReminderFraction",
                table: "deadlines",
                type: "double precision",
                nullable: false,
                defaultValue: 0.80000000000000004);

            migrationBuilder.AddColumn<int>(
                name: "SupervisionWorkingDays",
                table: "deadlines",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "TermDays",
                table: "deadlines",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TermKind",
                table: "deadlines",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "working_calendar",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_working_calendar", x => x.id);
                    table.CheckConstraint("ck_working_calendar_one_row", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "working_calendar_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_working_calendar_days", x => x.day);
                    table.CheckConstraint("ck_working_calendar_days_kind", "kind IN ('holiday', 'workday')");
                });

            migrationBuilder.UpdateData(
                table: "rule_sets",
                keyColumn: "Version",
                keyValue: "2026.1",
                columns: new[] { "SavedAt", "SavedBy" },
                values: new object[] { new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "seed" });

            migrationBuilder.InsertData(
                table: "working_calendar",
                columns: new[] { "id", "changed_at", "version" },
                values: new object[] { 1, new DateTimeOffset(new DateTime(2026, 11, 29, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 1 });

            migrationBuilder.InsertData(
                table: "working_calendar_days",
                columns: new[] { "day", "kind", "name" },
                values: new object[,]
                {
                    { new DateOnly(2026, 1, 1), "holiday", "元旦" },
                    { new DateOnly(2026, 1, 2), "holiday", "元旦" },
                    { new DateOnly(2026, 1, 3), "holiday", "元旦" },
                    { new DateOnly(2026, 1, 4), "workday", "元旦调休" },
                    { new DateOnly(2026, 2, 14), "workday", "春节调休" },
                    { new DateOnly(2026, 2, 15), "holiday", "春节" },
                    { new DateOnly(2026, 2, 16), "holiday", "春节" },
                    { new DateOnly(2026, 2, 17), "holiday", "春节" },
                    { new DateOnly(2026, 2, 18), "holiday", "春节" },
                    { new DateOnly(2026, 2, 19), "holiday", "春节" },
                    { new DateOnly(2026, 2, 20), "holiday", "春节" },
                    { new DateOnly(2026, 2, 21), "holiday", "春节" },
                    { new DateOnly(2026, 2, 22), "holiday", "春节" },
                    { new DateOnly(2026, 2, 23), "holiday", "春节" },
                    { new DateOnly(2026, 2, 28), "workday", "春节调休" },
                    { new DateOnly(2026, 4, 4), "holiday", "清明节" },
                    { new DateOnly(2026, 4, 5), "holiday", "清明节" },
                    { new DateOnly(2026, 4, 6), "holiday", "清明节" },
                    { new DateOnly(2026, 5, 1), "holiday", "劳动节" },
                    { new DateOnly(2026, 5, 2), "holiday", "劳动节" },
                    { new DateOnly(2026, 5, 3), "holiday", "劳动节" },
                    { new DateOnly(2026, 5, 4), "holiday", "劳动节" },
                    { new DateOnly(2026, 5, 5), "holiday", "劳动节" },
                    { new DateOnly(2026, 5, 9), "workday", "劳动节调休" },
                    { new DateOnly(2026, 6, 19), "holiday", "端午节" },
                    { new DateOnly(2026, 6, 20), "holiday", "端午节" },
                    { new DateOnly(2026, 6, 21), "holiday", "端午节" },
                    { new DateOnly(2026, 9, 20), "workday", "国庆节调休" },
                    { new DateOnly(2026, 9, 25), "holiday", "中秋节" },
                    { new DateOnly(2026, 9, 26), "holiday", "中秋节" },
                    { new DateOnly(2026, 9, 27), "holiday", "中秋节" },
                    { new DateOnly(2026, 10, 1), "holiday", "国庆节" },
                    { new DateOnly(2026, 10, 2), "holiday", "国庆节" },
                    { new DateOnly(2026, 10, 3), "holiday", "国庆节" },
                    { new DateOnly(2026, 10, 4), "holiday", "国庆节" },
                    { new DateOnly(2026, 10, 5), "holiday", "国庆节" },
                    { new DateOnly(2026, 10, 6), "holiday", "国庆节" },
                    { new DateOnly(2026, 10, 7), "holiday", "国庆节" },
                    { new DateOnly(2026, 10, 10), "workday", "国庆节调休" }
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_AcceptNoticeDays",
                table: "rule_sets",
                sql: "\"AcceptNoticeDays\" >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_AcknowledgeWorkingDays",
                table: "rule_sets",
                sql: "\"AcknowledgeWorkingDays\" >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_HandlingDays",
                table: "rule_sets",
                sql: "\"HandlingDays\" >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_MaxExtensionDays",
                table: "rule_sets",
                sql: "\"MaxExtensionDays\" >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_ObjectionWorkingDays",
                table: "rule_sets",
                sql: "\"ObjectionWorkingDays\" >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_RehandlingDays",
                table: "rule_sets",
                sql: "\"RehandlingDays\" >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_ReminderFraction",
                table: "rule_sets",
                sql: "\"ReminderFraction\" > 0 AND \"ReminderFraction\" < 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_ReturnCap",
                table: "rule_sets",
                sql: "\"ReturnCap\" >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_ReviewDecisionDays",
                table: "rule_sets",
                sql: "\"ReviewDecisionDays\" >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_ReviewRequestDays",
                table: "rule_sets",
                sql: "\"ReviewRequestDays\" >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_rule_sets_SupervisionWorkingDays",
                table: "rule_sets",
                sql: "\"SupervisionWorkingDays\" >= 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "working_calendar");

            migrationBuilder.DropTable(
                name: "working_calendar_days");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_AcceptNoticeDays",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_AcknowledgeWorkingDays",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_HandlingDays",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_MaxExtensionDays",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_ObjectionWorkingDays",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_RehandlingDays",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_ReminderFraction",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_ReturnCap",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_ReviewDecisionDays",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_ReviewRequestDays",
                table: "rule_sets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_rule_sets_SupervisionWorkingDays",
                table: "rule_sets");

            migrationBuilder.DropColumn(
                name: "SavedAt",
                table: "rule_sets");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "rule_sets");

            migrationBuilder.DropColumn(
                name: "ReminderFraction",
                table: "deadlines");

            migrationBuilder.DropColumn(
                name: "SupervisionWorkingDays",
                table: "deadlines");

            migrationBuilder.DropColumn(
                name: "TermDays",
                table: "deadlines");

            migrationBuilder.DropColumn(
                name: "TermKind",
                table: "deadlines");

            migrationBuilder.AlterColumn<string>(
                name: "Version",
                table: "rule_sets",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

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
        }
    }
}
