namespace Coordination.Contracts.Assignment;

/// <summary>The petitioner asked for review (复查) or re-review (复核) within 30 days.</summary>
public sealed record ReviewRequested
{
    public required Guid CaseId { get; init; }
    public required string Stage { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required string Reasons { get; init; }
    public required DateTimeOffset DecideBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The petitioner asked themselves (self-service); otherwise staff recorded it for them. Optional.</summary>
    public bool ByPetitioner { get; init; }
}
