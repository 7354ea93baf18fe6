namespace Coordination.Contracts.Assignment;

/// <summary>How a dispatch ended: persuaded and returned (劝返), received (接返) or not returned.</summary>
public sealed record DispatchOutcomeRecorded
{
    public required Guid MajorEventId { get; init; }
    public required Guid DispatchId { get; init; }
    public required Guid CaseId { get; init; }
    /// <summary>DispatchOutcomes: returned, received, not_returned.</summary>
    public required string Outcome { get; init; }
    public required int PetitionersReturned { get; init; }
    public required string Note { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
