namespace Coordination.Contracts.Assignment;

/// <summary>催办: the day after a time limit passed unmet.</summary>
public sealed record DeadlineMissed
{
    public required Guid CaseId { get; init; }
    public required string Step { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
