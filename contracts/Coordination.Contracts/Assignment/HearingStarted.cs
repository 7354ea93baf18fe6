namespace Coordination.Contracts.Assignment;

/// <summary>A hearing pauses the re-review clock.</summary>
public sealed record HearingStarted
{
    public required Guid CaseId { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
