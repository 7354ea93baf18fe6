using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Intake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PetitionsFillFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "petitions")
                .Annotation("Npgsql:StorageParameter:fillfactor", 80);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "petitions")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 80);
        }
    }
}
