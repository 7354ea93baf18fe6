namespace Coordination.Contracts.Assignment;

/// <summary>The receiving unit signed for the assignment (签收). Published by Assignment.</summary>
public sealed record AssignmentAcknowledged
{
    public required Guid CaseId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required string UnitCode { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
