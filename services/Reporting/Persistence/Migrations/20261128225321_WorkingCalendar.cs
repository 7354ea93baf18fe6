using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Coordination.Reporting.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "working_calendar");

            migrationBuilder.DropTable(
                name: "working_calendar_days");
        }
    }
}
