using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.LegalDiversion.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeadlinesOpenLateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_deadlines_open_late",
                table: "deadlines",
                columns: new[] { "OverdueSentAt", "SupervisionSentAt" },
                filter: "\"MetAt\" IS NULL AND NOT \"IsTimer\" AND (\"OverdueSentAt\" IS NOT NULL OR \"SupervisionSentAt\" IS NOT NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_deadlines_open_late",
                table: "deadlines");
        }
    }
}
