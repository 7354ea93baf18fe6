namespace Coordination.Contracts.JointMeeting;

/// <summary>督办: still late five working days after the limit. CaseId is the meeting's first case.</summary>
public sealed record MeetingSupervisionIssued : IDeadlineRung
{
    public required Guid CaseId { get; init; }
    /// <summary>The time limit this rung belongs to (optional: older messages lack it).</summary>
    public Guid? DeadlineId { get; init; }
    public required string Step { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    Guid? IDeadlineRung.SubjectId => null;
    DeadlineRungKind IDeadlineRung.Rung => DeadlineRungKind.Supervision;
}
