namespace Coordination.Contracts.Assignment;

/// <summary>The unit objects to the hand-over with reasons and asks to return it (5 working days).</summary>
public sealed record AssignmentReturnRequested
{
    public required Guid CaseId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required string UnitCode { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required string Reasons { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
