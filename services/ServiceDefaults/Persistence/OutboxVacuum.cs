using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Keeps the outbox small for the relay's claim (OutboxOptions.VacuumAfterDeleted): after so many deleted rows the relay
/// vacuums the table itself instead of waiting for autovacuum's next visit. SKIP_LOCKED: a replica's vacuum already
/// running is enough, and nothing ever waits on it. A failed vacuum is logged and tried again after the next rows;
/// publishing never depends on it.
/// </summary>
public sealed class OutboxVacuum(int afterDeleted)
{
    private readonly Lock _counting = new();
    private int deleted;

    /// <summary>
    /// Counts the rows a batch deleted; true when the table is due a vacuum (and the count starts again). The relay's loops
    /// share one count (ADR 38): the rows each deleted add up, and the one that reaches the mark vacuums.
    /// </summary>
    public bool Counts(int rows)
    {
        if (afterDeleted <= 0) return false;
        lock (_counting)
        {
            deleted += rows;
            if (deleted < afterDeleted) return false;
            deleted = 0;
            return true;
        }
    }

    public static async Task RunAsync(ServiceDbContext db, ILogger log, CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM (SKIP_LOCKED) outbox_messages", ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "Outbox relay: vacuuming the outbox failed; autovacuum still will, and the relay tries again later");
        }
    }
}
