namespace Coordination.Contracts.JointMeeting;

/// <summary>A joint meeting was proposed for a case; its convening is a later step. Published by JointMeeting.</summary>
public sealed record JointMeetingProposed
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required IReadOnlyList<string> RegionCodes { get; init; }
    /// <summary>Every case the meeting carries, CaseId among them; Assignment accepts the meeting's conclusion for these only.</summary>
    public IReadOnlyList<Guid>? CaseIds { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
