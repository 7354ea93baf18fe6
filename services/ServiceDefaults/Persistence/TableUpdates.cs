using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// The rows a save changes in a plain table, written as one statement for all rows that changed the same columns instead
/// of an UPDATE a row (issue 15): a group commit of progress reports changes a petition a case, and EF Core builds,
/// parameterises and sends each UPDATE on its own. Here the rows of a table that changed the same columns go as one
/// <c>UPDATE t SET … FROM unnest($1::uuid[], …) WHERE t.key = u.key</c>, every such statement in one round trip, before
/// EF Core saves the rest. Only what EF Core would write as plainly
/// qualifies (<see cref="TableInserts.TablePlan.ChangedIn"/>): a table written by <see cref="TableInserts"/>'s rules, no
/// version to check, nothing read back, no foreign key moved. A row missing is a <see cref="DbUpdateConcurrencyException"/>,
/// as from EF Core. Used inside an explicit transaction only; off with Persistence:TableUpdates (or TableInserts) false.
/// </summary>
public static class TableUpdates
{
    private static long _rows, _statements;

    /// <summary>Off: every changed row through EF Core (for measuring the difference).</summary>
    public static bool Enabled { get; set; } = true;

    /// <summary>Rows written this way since start, in this process.</summary>
    public static long Rows => Interlocked.Read(ref _rows);

    /// <summary>Statements that wrote them.</summary>
    public static long Statements => Interlocked.Read(ref _statements);

    /// <summary>Writes the qualifying changed rows and marks them unchanged; returns how many rows were written.</summary>
    internal static async Task<int> WriteAsync(DbContext db, CancellationToken ct)
    {
        if (!Enabled || db.Database.CurrentTransaction is null) return 0;
        // Rows of one table that changed the same columns go together: a statement for each such set.
        // A table that also gains or loses rows through EF Core in this save is left to EF Core, which orders them.
        var groups = new Dictionary<(TableInserts.TablePlan, string), (IProperty[] Changed, List<EntityEntry> Rows)>();
        var byEf = new HashSet<IEntityType>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Deleted) byEf.Add(entry.Metadata);
            if (entry.State != EntityState.Modified || TableInserts.PlanFor(entry.Metadata) is not { } plan) continue;
            if (plan.ChangedIn(entry) is not { } changed) continue;
            var key = (plan, string.Join(",", changed.Select(p => p.Name)));
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = (changed, []);
            group.Rows.Add(entry);
        }
        var writes = groups.Where(g => !byEf.Contains(g.Key.Item1.EntityType)).Select(g => (Plan: g.Key.Item1, g.Value.Rows, g.Value.Changed)).ToList();
        if (writes.Count == 0) return 0;

        await using var batch = db.Database.BatchInTransaction("the changes commit with the rest of the unit of work");
        foreach (var (plan, rows, changed) in writes) batch.BatchCommands.Add(plan.UpdateCommand(rows, changed));
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex)
        {
            throw TableInserts.Refused(ex, writes.SelectMany(w => w.Rows));
        }
        var written = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            var (_, rows, changed) = writes[i];
            if (batch.BatchCommands[i].RecordsAffected != rows.Count)
                throw new DbUpdateConcurrencyException(
                    $"{writes[i].Plan.EntityType.DisplayName()}: {batch.BatchCommands[i].RecordsAffected} of {rows.Count} rows updated; the others were deleted meanwhile");
            foreach (var entry in rows)
            {
                // As EF Core accepts a saved change: the written values become the original ones (snapshots, so that a
                // later change inside a list is still seen), then the row is unchanged.
                foreach (var property in changed)
                    entry.OriginalValues[property] = property.GetValueComparer().Snapshot(entry.CurrentValues[property]);
                entry.State = EntityState.Unchanged;
            }
            written += rows.Count;
        }
        Interlocked.Add(ref _rows, written);
        Interlocked.Add(ref _statements, writes.Count);
        return written;
    }
}
