namespace Coordination.Contracts.Assignment;

/// <summary>The review or re-review was decided.</summary>
public sealed record ReviewDecided
{
    public required Guid CaseId { get; init; }
    public required string Stage { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required string Decision { get; init; }
    public required string Answer { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>After a review: when the window to ask for re-review ends (absent after re-review, and in older messages).</summary>
    public DateTimeOffset? NextWindowEndsAt { get; init; }
}
