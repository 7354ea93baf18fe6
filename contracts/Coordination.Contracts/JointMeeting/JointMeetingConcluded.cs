namespace Coordination.Contracts.JointMeeting;

/// <summary>
/// A joint meeting closed with every action item accepted. LeadUnit, when given, is the unit the meeting made
/// responsible for the case; Assignment hands the case to it.
/// </summary>
public sealed record JointMeetingConcluded
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required string Resolution { get; init; }
    public string? LeadUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
