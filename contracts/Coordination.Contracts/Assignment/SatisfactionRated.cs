namespace Coordination.Contracts.Assignment;

/// <summary>The petitioner rated the answer.</summary>
public sealed record SatisfactionRated
{
    public required Guid CaseId { get; init; }
    public required string Rating { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
