using Coordination.Contracts.Assignment;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>The overdue list: every time limit of every service, by the rungs its scanner published.</summary>
public sealed class OverdueProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type>
    {
        typeof(DeadlineApproaching), typeof(DeadlineMissed), typeof(SupervisionIssued), typeof(DeadlineCleared),
        typeof(LegalDeadlineApproaching), typeof(LegalDeadlineMissed), typeof(LegalSupervisionEscalated), typeof(LegalDeadlineCleared),
        typeof(MeetingDeadlineApproaching), typeof(MeetingDeadlineMissed), typeof(MeetingSupervisionIssued), typeof(MeetingDeadlineCleared),
    };

    /// <summary>Rungs of older messages (no deadline id) are left out.</summary>
    public async Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        if (RungOf(e.Message) is not { DeadlineId: { } id } rung) return;
        (await db.OverdueDeadlineAsync(rung, id, ct)).Record(rung);
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.OverdueDeadlines.ExecuteDeleteAsync(ct);

    private static DeadlineRung? RungOf(object message) => message switch
    {
        DeadlineApproaching m => new(RungKind.Reminded, "assignment", m.DeadlineId, m.CaseId, m.AssignmentId, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        DeadlineMissed m => new(RungKind.Missed, "assignment", m.DeadlineId, m.CaseId, m.AssignmentId, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        SupervisionIssued m => new(RungKind.Supervised, "assignment", m.DeadlineId, m.CaseId, m.AssignmentId, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        DeadlineCleared m => new(RungKind.Cleared, "assignment", m.DeadlineId, m.CaseId, m.AssignmentId, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        LegalDeadlineApproaching m => new(RungKind.Reminded, "legal", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        LegalDeadlineMissed m => new(RungKind.Missed, "legal", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        LegalSupervisionEscalated m => new(RungKind.Supervised, "legal", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        LegalDeadlineCleared m => new(RungKind.Cleared, "legal", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        MeetingDeadlineApproaching m => new(RungKind.Reminded, "meeting", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        MeetingDeadlineMissed m => new(RungKind.Missed, "meeting", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        MeetingSupervisionIssued m => new(RungKind.Supervised, "meeting", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        MeetingDeadlineCleared m => new(RungKind.Cleared, "meeting", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        _ => null,
    };
}
