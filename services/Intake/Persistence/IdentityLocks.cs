using Microsoft.EntityFrameworkCore;
using Coordination.ServiceDefaults.Persistence;
using Npgsql;

namespace Coordination.Intake.Persistence;

/// <summary>
/// Transaction-scoped advisory locks per petitioner identity: registrations by the same people queue behind each
/// other until commit, so simultaneous visits on one matter open one case and not two.
/// </summary>
public sealed class IdentityLocks(IntakeDb db)
{
    /// <summary>
    /// Needs an open transaction; takes the locks in one order so that two registrations never deadlock, then reads each
    /// identity's case count under them — all in one round trip (issue 15: a registration's statements were one trip each).
    /// </summary>
    /// <returns>The identities' counters (an identity without a case is absent).</returns>
    public async Task<IReadOnlyDictionary<string, int>> LockAndCountAsync(IReadOnlyCollection<string> identities, CancellationToken ct)
    {
        const string why = "identity locks last until commit: take them inside the registration's transaction";
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException(why);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (identities.Count == 0) return counts;
        await using var batch = db.Database.BatchInTransaction(why);
        // One statement for all the locks, taken in the array's order (a function scan yields its rows in order).
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended(identity, 0)) FROM unnest($1::text[]) AS identity")
        {
            Parameters = { new() { Value = identities.Order(StringComparer.Ordinal).ToArray() } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT identity_hash, cases FROM identity_counters WHERE identity_hash = ANY($1)")
        {
            Parameters = { new() { Value = identities.ToArray() } },
        });
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            if (reader.FieldCount != 2) continue; // the locks' rows
            while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt32(1);
        } while (await reader.NextResultAsync(ct));
        return counts;
    }
}
