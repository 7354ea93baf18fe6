using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// A case that closes ends its ownership (包案, ADR 27) in the same unit of work: the file stays, its open progress limit is
/// met (cleared from the overdue list if it had passed), and no further note is asked for.
/// </summary>
public static class OwnershipEnding
{
    public static async Task WithCaseAsync(AssignmentDb db, IDeadlineHandler<AssignmentDb> deadlines, Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        var ownership = await db.Ownerships.FirstOrDefaultAsync(o => o.CaseId == caseId, ct);
        if (ownership is null) return;
        ownership.End(now);
        foreach (var d in await db.Deadlines.Where(d => d.CaseId == caseId && d.Step == DeadlineSteps.OwnershipProgress && d.MetAt == null).ToListAsync(ct))
            deadlines.Meet(db, d, now);
    }
}
