namespace Coordination.Contracts.Assignment;

/// <summary>A petitioner's own rating or review request that the case's state does not allow (the window passed, rated already).</summary>
public sealed record PetitionerRequestRefused
{
    public required Guid CaseId { get; init; }
    /// <summary>rating or review.</summary>
    public required string Request { get; init; }
    public required string Rule { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
