namespace Coordination.Contracts.Assignment;

/// <summary>A to-Beijing case's responsibility record (§9): unit, group, leader in charge, direct responsible person.</summary>
public sealed record ResponsibilityAssigned
{
    public required Guid CaseId { get; init; }
    public required string Unit { get; init; }
    public required string Group { get; init; }
    public required string Leader { get; init; }
    public required string Person { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
