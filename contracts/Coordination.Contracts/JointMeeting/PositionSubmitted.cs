namespace Coordination.Contracts.JointMeeting;

/// <summary>A party's written position and handling status before the meeting. CaseId is the meeting's first case.</summary>
public sealed record PositionSubmitted
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required string Party { get; init; }
    public required bool Late { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
