namespace Coordination.Contracts.JointMeeting;

/// <summary>The convener accepted the reply. CaseId is the meeting's first case.</summary>
public sealed record ActionItemAccepted
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required Guid ItemId { get; init; }
    public required string Owner { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
