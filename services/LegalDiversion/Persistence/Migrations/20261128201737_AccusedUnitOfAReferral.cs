using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.LegalDiversion.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccusedUnitOfAReferral : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccusedUnit",
                table: "referrals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccusedUnit",
                table: "referrals");
        }
    }
}
