using System.Data.Common;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.ServiceDefaults.Health;

/// <summary>Reads the outbox backlog of the service's database, and records it for the gauges.</summary>
public sealed class OutboxBacklogProbe(IServiceScopeFactory scopes, OperationalReadings readings)
{
    /// <summary>Counting stops here: past it the figure only says "very far behind", and a count of millions would be slow.</summary>
    public const int CountCap = 100_000;

    /// <returns>Null for a service without a ServiceDbContext (nothing to relay).</returns>
    public async Task<OutboxBacklog?> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ServiceDbContext>() is not { } db) return null;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            // The oldest by sequence, the relay's own order, which its index serves.
            command.CommandText = $"""
                SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox_messages LIMIT {CountCap}) capped),
                       (SELECT created_at FROM outbox_messages ORDER BY sequence LIMIT 1),
                       (SELECT count(*) FROM outbox_messages WHERE quarantined_at IS NOT NULL)
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var backlog = new OutboxBacklog(reader.GetInt64(0), await OldestAsync(reader, ct), reader.GetInt64(2));
            readings.Record(backlog);
            return backlog;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<DateTimeOffset?> OldestAsync(DbDataReader reader, CancellationToken ct) =>
        await reader.IsDBNullAsync(1, ct) ? null : new DateTimeOffset(reader.GetDateTime(1).ToUniversalTime(), TimeSpan.Zero);
}
