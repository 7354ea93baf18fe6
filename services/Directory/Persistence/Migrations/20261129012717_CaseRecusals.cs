using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Directory.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseRecusals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_recusals",
                columns: table => new
                {
                    party = table.Column<string>(type: "character varying(72)", maxLength: 72, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_recusals", x => new { x.party, x.case_id });
                });

            migrationBuilder.CreateTable(
                name: "recusals",
                columns: table => new
                {
                    Login = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recusals", x => new { x.Login, x.CaseId });
                    table.CheckConstraint("ck_recusals_source", "\"Source\" IN ('declared', 'recorded')");
                    table.ForeignKey(
                        name: "FK_recusals_people_Login",
                        column: x => x.Login,
                        principalTable: "people",
                        principalColumn: "Login",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recusals_CaseId",
                table: "recusals",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_recusals");

            migrationBuilder.DropTable(
                name: "recusals");
        }
    }
}
