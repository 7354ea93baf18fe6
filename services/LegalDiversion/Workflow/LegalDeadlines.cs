using Coordination.Contracts.LegalDiversion;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Time;

namespace Coordination.LegalDiversion.Workflow;

/// <summary>Legal diversion's rungs: reminders, 催办 and escalation to the committee, as events.</summary>
public sealed class LegalDeadlines : IDeadlineHandler<LegalDiversionDb>
{
    public Task FireAsync(LegalDiversionDb db, Deadline d, string action, DateTimeOffset now, CancellationToken ct)
    {
        object? message = action switch
        {
            DeadlineActions.Remind => new LegalDeadlineApproaching { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
            DeadlineActions.Urge => new LegalDeadlineMissed { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
            DeadlineActions.Supervise => new LegalSupervisionEscalated { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
            _ => null,
        };
        if (message is not null) db.Publish(message, d.CaseId);
        return Task.CompletedTask;
    }

    public void Cleared(LegalDiversionDb db, Deadline d, string how, DateTimeOffset now) =>
        db.Publish(new LegalDeadlineCleared
            { CaseId = d.CaseId, DeadlineId = d.Id, SubjectId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now }, d.CaseId);
}
