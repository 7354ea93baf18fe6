namespace Coordination.Contracts.Assignment;

/// <summary>The bureau rejected a return: the unit must handle the case.</summary>
public sealed record AssignmentReturnRejected
{
    public required Guid CaseId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required string UnitCode { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
