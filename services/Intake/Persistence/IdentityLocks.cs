using Microsoft.EntityFrameworkCore;

namespace Coordination.Intake.Persistence;

/// <summary>
/// Transaction-scoped advisory locks per petitioner identity: registrations by the same people queue behind each
/// other until commit, so simultaneous visits on one matter open one case and not two.
/// </summary>
public sealed class IdentityLocks(IntakeDb db)
{
    /// <summary>Needs an open transaction; takes the locks in one order so that two registrations never deadlock.</summary>
    public async Task LockAsync(IEnumerable<string> identities, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("identity locks last until commit: take them inside the registration's transaction");
        foreach (var identity in identities.Order(StringComparer.Ordinal))
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({identity}, 0))", ct);
    }
}
