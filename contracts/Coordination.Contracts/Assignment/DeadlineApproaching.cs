namespace Coordination.Contracts.Assignment;

/// <summary>Reminder at 80% of a time limit.</summary>
public sealed record DeadlineApproaching
{
    public required Guid CaseId { get; init; }
    public required string Step { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
