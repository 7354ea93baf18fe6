using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// Drops every read model (timelines and case scopes included) and folds every logged event again through the same
/// projectors, in the order the events occurred. An event committed by a consumer meanwhile can collide with the
/// replay; then it runs again.
/// </summary>
public sealed class ReadModelRebuild(ReportingDb db, ReadModels readModels)
{
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RebuildOnceAsync(ct);
            }
            catch (Exception ex) when (attempt < 3 && ex is DbUpdateException or Npgsql.PostgresException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> RebuildOnceAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await readModels.ClearAsync(db, ct);
        var replayed = 0;
        foreach (var entry in await db.EventLog.AsNoTracking().OrderBy(e => e.OccurredAt).ThenBy(e => e.MessageId).ToListAsync(ct))
        {
            await readModels.ApplyAsync(db, new EventEnvelope(entry.MessageId, entry.CaseId, entry.OccurredAt, LoggedEvents.Read(entry)), ct);
            replayed++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return replayed;
    }
}
