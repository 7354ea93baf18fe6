using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>Assignment's rungs: reminder, 催办 and 督办 as events; a passed review window closes the case.</summary>
public sealed class AssignmentDeadlines : IDeadlineHandler<AssignmentDb>
{
    public async Task FireAsync(AssignmentDb db, Deadline d, string action, DateTimeOffset now, CancellationToken ct)
    {
        switch (action)
        {
            case DeadlineActions.Remind:
                db.Publish(new DeadlineApproaching { CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now }, d.CaseId);
                break;
            case DeadlineActions.Urge:
                db.Publish(new DeadlineMissed { CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now }, d.CaseId);
                break;
            case DeadlineActions.Supervise:
                db.Publish(new SupervisionIssued { CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now }, d.CaseId);
                break;
            case DeadlineActions.TimerFired when d.Step == DeadlineSteps.ReviewWindow:
                var c = await db.Cases.FirstAsync(x => x.Id == d.CaseId, ct);
                if (c.Status == CaseStatus.Closed) return;
                c.Close(now);
                db.Publish(new CaseClosed { CaseId = c.Id, Outcome = c.Outcome ?? "unknown", Final = false, Reason = "review window passed", OccurredAt = now }, c.Id);
                break;
        }
    }

    public void Cleared(AssignmentDb db, Deadline d, string how, DateTimeOffset now) =>
        db.Publish(new DeadlineCleared
        {
            CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, How = how, OccurredAt = now,
        }, d.CaseId);
}
