namespace Coordination.Contracts.Assignment;

/// <summary>No routing rule fits the case; it waits in the bureau's queue for a person to route it.</summary>
public sealed record CaseQueuedForManualRouting
{
    public required Guid CaseId { get; init; }
    public required string RegionCode { get; init; }
    public required string Topic { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
