using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Reporting.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MinimisedEventLog : Migration
    {
        /// <summary>Drops from the logged PetitionRegistered events what no report reads (Domain/LoggedFields): the summary and the accused unit.</summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE event_log
                SET "Body" = (("Body"::jsonb - 'accusedUnit') || '{"summary": ""}'::jsonb)::text
                WHERE "MessageType" LIKE 'Coordination.Contracts.Intake.PetitionRegistered,%';
                """);
        }

        /// <summary>What was dropped is gone; Intake still holds it.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
