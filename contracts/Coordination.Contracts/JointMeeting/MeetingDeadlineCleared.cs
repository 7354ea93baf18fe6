namespace Coordination.Contracts.JointMeeting;

/// <summary>A time limit that had passed (催办 sent) was met late or is no longer due; the overdue list drops it.</summary>
public sealed record MeetingDeadlineCleared : IDeadlineRung
{
    public required Guid CaseId { get; init; }
    public required Guid DeadlineId { get; init; }
    /// <summary>The subject of the limit: the meeting.</summary>
    public Guid? SubjectId { get; init; }
    public required string Step { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    Guid? IDeadlineRung.DeadlineId => DeadlineId;
    DeadlineRungKind IDeadlineRung.Rung => DeadlineRungKind.Cleared;
}
