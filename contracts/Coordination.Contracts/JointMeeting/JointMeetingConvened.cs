namespace Coordination.Contracts.JointMeeting;

/// <summary>The bureau convened the meeting: agenda, time, place and the invited parties. CaseId is the meeting's first case.</summary>
public sealed record JointMeetingConvened
{
    public required Guid CaseId { get; init; }
    public required Guid MeetingId { get; init; }
    public required string Agenda { get; init; }
    public required DateTimeOffset ScheduledAt { get; init; }
    public required string Place { get; init; }
    public required IReadOnlyList<string> Parties { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
