namespace Coordination.Contracts.JointMeeting;

/// <summary>The bureau escalated the matter to the party committee. CaseId is the meeting's first case.</summary>
public sealed record JointMeetingEscalated
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required string Reason { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
