namespace Coordination.Contracts.JointMeeting;

/// <summary>An action item with its owning party, task and deadline. CaseId is the meeting's first case.</summary>
public sealed record ActionItemIssued
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required Guid ItemId { get; init; }
    public required string Owner { get; init; }
    public required string Task { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
