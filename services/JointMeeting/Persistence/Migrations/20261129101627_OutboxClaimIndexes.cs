using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.JointMeeting.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxClaimIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "outbox_messages")
                .Annotation("Npgsql:StorageParameter:autovacuum_analyze_scale_factor", 0)
                .Annotation("Npgsql:StorageParameter:autovacuum_analyze_threshold", 1000)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_held",
                table: "outbox_messages",
                columns: new[] { "correlation_id", "sequence" },
                filter: "quarantined_at IS NOT NULL OR next_attempt_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_held",
                table: "outbox_messages");

            migrationBuilder.AlterTable(
                name: "outbox_messages")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_analyze_scale_factor", 0)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_analyze_threshold", 1000)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_threshold", 1000);
        }
    }
}
