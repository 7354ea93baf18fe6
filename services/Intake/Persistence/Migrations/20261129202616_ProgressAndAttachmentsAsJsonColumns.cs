using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Intake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProgressAndAttachmentsAsJsonColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The lists were EF Core's owned JSON (NULL for a row written without one); now a converted column that is
            // never NULL (issue 15: a plain column lets added rows go a statement a table).
            migrationBuilder.Sql("""UPDATE petitions SET "Attachments" = '[]' WHERE "Attachments" IS NULL;""");
            migrationBuilder.Sql("""UPDATE case_progress SET "Holders" = '[]' WHERE "Holders" IS NULL;""");
            migrationBuilder.AlterColumn<string>(
                name: "Attachments",
                table: "petitions",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Holders",
                table: "case_progress",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Attachments",
                table: "petitions",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Holders",
                table: "case_progress",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");
        }
    }
}
