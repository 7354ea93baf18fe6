using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.ServiceDefaults.Health;

/// <summary>Reads the inbox and deadline gauges from the service's database (HealthSampler), and records them.</summary>
public sealed class StoreProbe(IServiceScopeFactory scopes, OperationalReadings readings, TimeProvider clock)
{
    public async Task<StoreReading?> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ServiceDbContext>() is not { } db) return null;
        var now = clock.GetUtcNow().ToUniversalTime();
        var inbox = await db.Database.SqlQuery<long>(
            $"SELECT count(*) AS \"Value\" FROM (SELECT 1 FROM inbox_messages LIMIT {OutboxBacklogProbe.CountCap}) capped").SingleAsync(ct);
        var reading = new StoreReading(inbox, false, 0, 0, 0);
        if (db.Model.FindEntityType(typeof(Deadline)) is not null)
        {
            // The due rung the scanner has not taken yet (its partial index serves it); the open limits past due.
            var deadlines = await db.Database.SqlQueryRaw<DeadlineCounts>(DeadlineCountsSql, now).SingleAsync(ct);
            var lag = deadlines.OldestDue is { } due && now > due ? (now - due).TotalSeconds : 0;
            reading = reading with { HasDeadlines = true, Overdue = deadlines.Overdue, Supervised = deadlines.Supervised, ScannerLagSeconds = lag };
        }
        readings.Record(reading);
        return reading;
    }

    /// <summary>The rows the count reads, its WHERE clause: the partial index IX_deadlines_open_late holds just these.</summary>
    public const string OpenLateDeadlines = "\"MetAt\" IS NULL AND NOT \"IsTimer\" AND (\"OverdueSentAt\" IS NOT NULL OR \"SupervisionSentAt\" IS NOT NULL)";

    /// <summary>{0}: now. The index's own predicate as the WHERE clause, so that the planner can always prove the index serves it.</summary>
    private const string DeadlineCountsSql = $$"""
        SELECT count(*) FILTER (WHERE "OverdueSentAt" IS NOT NULL) AS "Overdue",
               count(*) FILTER (WHERE "SupervisionSentAt" IS NOT NULL) AS "Supervised",
               (SELECT min("NextActionAt") FROM deadlines WHERE "NextActionAt" <= {0}) AS "OldestDue"
        FROM deadlines WHERE {{OpenLateDeadlines}}
        """;

    private sealed record DeadlineCounts(long Overdue, long Supervised, DateTimeOffset? OldestDue);
}
