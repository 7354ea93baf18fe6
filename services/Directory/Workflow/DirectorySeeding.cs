using Coordination.Contracts.Directory;
using Coordination.Directory.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Directory.Workflow;

/// <summary>The first units (any environment, only into an empty table) and the first people, each with its event.</summary>
public sealed class DirectorySeeding(DirectoryDb db, PersonActions people, TimeProvider clock)
{
    /// <returns>How many units were seeded (0 when the directory already had units).</returns>
    public async Task<int> SeedUnitsAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Replicas starting together: the second waits here, then finds the table filled.
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE units IN EXCLUSIVE MODE", ct);
        if (await db.Units.AnyAsync(ct)) return 0;
        var now = clock.GetUtcNow();
        var units = UnitSeed.Units(now);
        foreach (var unit in units)
        {
            db.Units.Add(unit);
            db.Publish(new UnitRegistered { Unit = unit.ToContract(), OccurredAt = now });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return units.Count;
    }

    /// <summary>Adds each person not yet known; people already there (perhaps changed since) are left alone.</summary>
    public async Task SeedPeopleAsync(IEnumerable<PersonDraft> drafts, CancellationToken ct)
    {
        foreach (var draft in drafts)
        {
            if (await db.People.AnyAsync(p => p.Login == draft.Login, ct)) continue;
            try
            {
                await people.RegisterAsync(draft, ct);
            }
            catch (global::Grpc.Core.RpcException ex) when (ex.StatusCode == global::Grpc.Core.StatusCode.AlreadyExists)
            {
                // Another replica seeded this person first.
            }
            db.ChangeTracker.Clear();
        }
    }
}
