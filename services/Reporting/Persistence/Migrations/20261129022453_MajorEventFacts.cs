using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Reporting.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MajorEventFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "major_event_facts",
                columns: table => new
                {
                    MajorEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    FirstReportDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportedLate = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUps = table.Column<int>(type: "integer", nullable: false),
                    Dispatches = table.Column<int>(type: "integer", nullable: false),
                    DispatchesReturned = table.Column<int>(type: "integer", nullable: false),
                    DispatchesNotReturned = table.Column<int>(type: "integer", nullable: false),
                    PetitionersReturned = table.Column<int>(type: "integer", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_major_event_facts", x => x.MajorEventId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_major_event_facts_Month_RegionCode",
                table: "major_event_facts",
                columns: new[] { "Month", "RegionCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "major_event_facts");
        }
    }
}
