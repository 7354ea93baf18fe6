namespace Coordination.Contracts.Assignment;

/// <summary>The unit told the petitioner it accepted the case (告知受理, within 15 days).</summary>
public sealed record AssignmentAccepted
{
    public required Guid CaseId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required string UnitCode { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    /// <summary>The handling limit that starts now (absent for a transfer, whose duty ends here).</summary>
    public DateTimeOffset? HandlingDueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
