namespace Coordination.Contracts.Assignment;

/// <summary>The bureau routed a case by hand from its queue.</summary>
public sealed record CaseRouted
{
    public required Guid CaseId { get; init; }
    public required string UnitCode { get; init; }
    public required string Kind { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
