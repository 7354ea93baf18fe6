using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Reporting.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UnitsAndReceptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RepliedAt",
                table: "case_facts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "handovers",
                columns: table => new
                {
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RoutedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Returned = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handovers", x => x.AssignmentId);
                });

            migrationBuilder.CreateTable(
                name: "reception_sessions",
                columns: table => new
                {
                    ReceptionDayId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    CaseIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reception_sessions", x => x.ReceptionDayId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_handovers_CaseId",
                table: "handovers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_reception_sessions_Month_RegionCode",
                table: "reception_sessions",
                columns: new[] { "Month", "RegionCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "handovers");

            migrationBuilder.DropTable(
                name: "reception_sessions");

            migrationBuilder.DropColumn(
                name: "RepliedAt",
                table: "case_facts");
        }
    }
}
