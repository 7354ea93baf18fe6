namespace Coordination.Contracts.Reporting;

/// <summary>
/// An early warning (§11, §13): a spike of petitions in a region or on a topic against its own recent baseline,
/// a collective visit large enough to be a risk, or a region's petitions to Beijing crossing the monthly threshold.
/// </summary>
public sealed record EarlyWarningRaised
{
    public required Guid WarningId { get; init; }
    /// <summary>region_spike, topic_spike, collective_visit or beijing_threshold.</summary>
    public required string Kind { get; init; }
    public required string RegionCode { get; init; }
    public required string Subject { get; init; }
    public required string Evidence { get; init; }
    public Guid? CaseId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
