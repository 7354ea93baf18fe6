namespace Coordination.Contracts.Assignment;

/// <summary>The major event is settled: no more follow-ups.</summary>
public sealed record MajorEventClosed
{
    public required Guid MajorEventId { get; init; }
    public required Guid CaseId { get; init; }
    public required string Summary { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
