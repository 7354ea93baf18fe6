namespace Coordination.Contracts.JointMeeting;

/// <summary>The convener sent the reply back with a reason. CaseId is the meeting's first case.</summary>
public sealed record ActionItemSentBack
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required Guid ItemId { get; init; }
    public required string Owner { get; init; }
    public required string Reason { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
