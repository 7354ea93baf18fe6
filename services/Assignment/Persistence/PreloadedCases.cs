using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Persistence;

/// <summary>
/// Before a group commit's batch of registrations is opened, which of its cases are open already is read with one
/// statement instead of one a registration (issue 15). A batch of one reads as before.
/// </summary>
public sealed class PreloadedCases : IBeforeGroupApply<AssignmentDb>
{
    public const string Cases = "cases";

    public async Task RunAsync(AssignmentDb db, IReadOnlyList<object?> states, CancellationToken ct)
    {
        var cases = states.OfType<Guid>().Distinct().ToArray();
        if (cases.Length < 2) return;
        var open = await db.Cases.Where(c => cases.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var known = new PreloadedKeys(db.Database.CurrentTransaction);
        known.Loaded(Cases, cases, open);
        db.Preloaded = known;
    }
}
