using Coordination.Contracts;
using Coordination.Contracts.JointMeeting;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Time;

namespace Coordination.JointMeeting.Workflow;

/// <summary>Joint meetings' rungs: unanswered invitations, late positions and overdue action items.</summary>
public sealed class MeetingDeadlines : DeadlineLadder<JointMeetingDb>
{
    protected override IDeadlineRung Rung(DeadlineRungKind kind, Deadline d, DateTimeOffset now, string? how) => kind switch
    {
        DeadlineRungKind.Approaching => new MeetingDeadlineApproaching { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        DeadlineRungKind.Missed => new MeetingDeadlineMissed { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        DeadlineRungKind.Supervision => new MeetingSupervisionIssued { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        _ => new MeetingDeadlineCleared { CaseId = d.CaseId, DeadlineId = d.Id, SubjectId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
    };
}
