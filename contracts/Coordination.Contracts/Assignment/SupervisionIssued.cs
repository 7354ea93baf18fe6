namespace Coordination.Contracts.Assignment;

/// <summary>督办: still late five working days after the limit.</summary>
public sealed record SupervisionIssued
{
    public required Guid CaseId { get; init; }
    public required string Step { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
