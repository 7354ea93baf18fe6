using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.JointMeeting.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseTraceParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TraceParent",
                table: "meetings",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TraceParent",
                table: "meetings");
        }
    }
}
