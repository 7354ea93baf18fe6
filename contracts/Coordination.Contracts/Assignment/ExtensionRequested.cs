namespace Coordination.Contracts.Assignment;

/// <summary>The unit asked for more time (at most 30 days), with the reason for the petitioner.</summary>
public sealed record ExtensionRequested
{
    public required Guid CaseId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required string UnitCode { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required int Days { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
