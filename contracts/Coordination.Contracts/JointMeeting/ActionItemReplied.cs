namespace Coordination.Contracts.JointMeeting;

/// <summary>The owning party replied with what it did and its evidence (件件回告). CaseId is the meeting's first case.</summary>
public sealed record ActionItemReplied
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required Guid ItemId { get; init; }
    public required string Owner { get; init; }
    public required string Reply { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
