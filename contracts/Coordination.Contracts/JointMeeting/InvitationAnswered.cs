namespace Coordination.Contracts.JointMeeting;

/// <summary>A party confirmed, declined with a reason, or named a delegate. CaseId is the meeting's first case.</summary>
public sealed record InvitationAnswered
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required string Party { get; init; }
    public required string Response { get; init; }
    public string? Reason { get; init; }
    public string? Delegate { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
