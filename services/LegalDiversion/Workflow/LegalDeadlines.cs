using Coordination.Contracts;
using Coordination.Contracts.LegalDiversion;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Time;

namespace Coordination.LegalDiversion.Workflow;

/// <summary>Legal diversion's rungs: reminders, 催办 and escalation to the committee (督办), as events.</summary>
public sealed class LegalDeadlines : DeadlineLadder<LegalDiversionDb>
{
    protected override IDeadlineRung Rung(DeadlineRungKind kind, Deadline d, DateTimeOffset now, string? how) => kind switch
    {
        DeadlineRungKind.Approaching => new LegalDeadlineApproaching { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        DeadlineRungKind.Missed => new LegalDeadlineMissed { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        DeadlineRungKind.Supervision => new LegalSupervisionIssued { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        _ => new LegalDeadlineCleared { CaseId = d.CaseId, DeadlineId = d.Id, SubjectId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
    };
}
