using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Assignment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeadlineVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "deadlines",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "deadlines");
        }
    }
}
