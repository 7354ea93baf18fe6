namespace Coordination.Contracts.Assignment;

/// <summary>A hearing pauses the re-review clock.</summary>
public sealed record HearingStarted
{
    public required Guid CaseId { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
