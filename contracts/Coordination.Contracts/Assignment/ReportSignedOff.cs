namespace Coordination.Contracts.Assignment;

/// <summary>A named leader signed the report of a leader-instructed case (§10).</summary>
public sealed record ReportSignedOff
{
    public required Guid CaseId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required string UnitCode { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required string Leader { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
