namespace Coordination.Contracts.JointMeeting;

/// <summary>The meeting took place: attendance, minutes and resolution. CaseId is the meeting's first case.</summary>
public sealed record JointMeetingHeld
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required IReadOnlyList<string> Attended { get; init; }
    public required string Resolution { get; init; }
    public string? LeadUnit { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
