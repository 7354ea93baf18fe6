namespace Coordination.Contracts.Assignment;

/// <summary>A report of a major event sent up: the first (首报) or a follow-up (续报), to the levels named.</summary>
public sealed record MajorEventReported
{
    public required Guid MajorEventId { get; init; }
    public required Guid CaseId { get; init; }
    /// <summary>1 for the first report, then 2, 3… for the follow-ups.</summary>
    public required int Sequence { get; init; }
    /// <summary>ReportLevels: county, city, province, central.</summary>
    public required IReadOnlyList<string> Levels { get; init; }
    public required string Content { get; init; }
    /// <summary>The first report came after its limit.</summary>
    public required bool Late { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
