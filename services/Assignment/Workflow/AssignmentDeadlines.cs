using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>Assignment's rungs: reminder, 催办 and 督办 as events; a passed review window closes the case.</summary>
public sealed class AssignmentDeadlines : DeadlineLadder<AssignmentDb>
{
    protected override IDeadlineRung Rung(DeadlineRungKind kind, Deadline d, DateTimeOffset now, string? how) => kind switch
    {
        DeadlineRungKind.Approaching => new DeadlineApproaching { CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        DeadlineRungKind.Missed => new DeadlineMissed { CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        DeadlineRungKind.Supervision => new SupervisionIssued { CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        _ => new DeadlineCleared
        {
            CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, How = how!, OccurredAt = now,
        },
    };

    protected override async Task TimerFiredAsync(AssignmentDb db, Deadline d, DateTimeOffset now, CancellationToken ct)
    {
        if (d.Step != DeadlineSteps.ReviewWindow) return;
        // The case's row lock, as every user action takes it: a review requested at this moment is not closed over.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM cases WHERE \"Id\" = {d.CaseId} FOR UPDATE", ct);
        var c = await db.Cases.FirstAsync(x => x.Id == d.CaseId, ct);
        if (c.Status == CaseStatus.Closed) return;
        c.Close(now);
        db.Publish(new CaseClosed { CaseId = c.Id, Outcome = c.Outcome ?? "unknown", Final = false, Reason = "review window passed", OccurredAt = now }, c.Id);
    }
}
