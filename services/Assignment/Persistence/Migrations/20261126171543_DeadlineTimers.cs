using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Assignment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeadlineTimers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsTimer",
                table: "deadlines",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsTimer",
                table: "deadlines");
        }
    }
}
