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

    // Optional, so older messages still read.
    /// <summary>Why, in the petitioner's words.</summary>
    public string? Reason { get; init; }
    /// <summary>The petitioner rated it themselves (self-service); otherwise staff recorded it for them.</summary>
    public bool ByPetitioner { get; init; }
}
