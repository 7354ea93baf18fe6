using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// Drops every read model (timelines and case scopes included) and folds every logged event again through the same
/// projectors, in the order the events occurred, in one transaction. An event committed by a consumer meanwhile can
/// collide with the replay; then it runs again. Progress goes to <paramref name="progress"/> as it folds.
/// </summary>
public sealed class ReadModelRebuild(ReportingDb db, ReadModels readModels)
{
    public async Task<int> RebuildAsync(CancellationToken ct, RebuildProgress? progress = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RebuildOnceAsync(progress, ct);
            }
            catch (Exception ex) when (attempt < 3 && ex is DbUpdateException or Npgsql.PostgresException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> RebuildOnceAsync(RebuildProgress? progress, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await readModels.ClearAsync(db, ct);
        var log = await db.EventLog.AsNoTracking().OrderBy(e => e.OccurredAt).ThenBy(e => e.MessageId).ToListAsync(ct);
        progress?.Begin(log.Count);
        var replayed = 0;
        foreach (var entry in log)
        {
            await readModels.ApplyAsync(db, new EventEnvelope(entry.MessageId, entry.CaseId, entry.OccurredAt, LoggedEvents.Read(entry)), ct);
            progress?.Replayed(++replayed);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return replayed;
    }
}
