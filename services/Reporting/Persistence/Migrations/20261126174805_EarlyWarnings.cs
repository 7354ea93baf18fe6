using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Reporting.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EarlyWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "case_facts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "early_warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_early_warnings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_facts_Topic_RegisteredAt",
                table: "case_facts",
                columns: new[] { "Topic", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_early_warnings_Kind_Subject_Period",
                table: "early_warnings",
                columns: new[] { "Kind", "Subject", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_early_warnings_RaisedAt",
                table: "early_warnings",
                column: "RaisedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "early_warnings");

            migrationBuilder.DropIndex(
                name: "IX_case_facts_Topic_RegisteredAt",
                table: "case_facts");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "case_facts");
        }
    }
}
