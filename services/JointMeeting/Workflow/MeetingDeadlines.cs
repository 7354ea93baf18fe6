using Coordination.Contracts.JointMeeting;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Time;

namespace Coordination.JointMeeting.Workflow;

/// <summary>Joint meetings' rungs: unanswered invitations, late positions and overdue action items.</summary>
public sealed class MeetingDeadlines : IDeadlineHandler<JointMeetingDb>
{
    public Task FireAsync(JointMeetingDb db, Deadline d, string action, DateTimeOffset now, CancellationToken ct)
    {
        object? message = action switch
        {
            DeadlineActions.Remind => new MeetingDeadlineApproaching { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
            DeadlineActions.Urge => new MeetingDeadlineMissed { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
            DeadlineActions.Supervise => new MeetingSupervisionIssued { CaseId = d.CaseId, DeadlineId = d.Id, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
            _ => null,
        };
        if (message is not null) db.Publish(message, d.CaseId);
        return Task.CompletedTask;
    }

    public void Cleared(JointMeetingDb db, Deadline d, string how, DateTimeOffset now) =>
        db.Publish(new MeetingDeadlineCleared
            { CaseId = d.CaseId, DeadlineId = d.Id, SubjectId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now }, d.CaseId);
}
