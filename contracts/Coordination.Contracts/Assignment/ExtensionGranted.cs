namespace Coordination.Contracts.Assignment;

/// <summary>The bureau approved an extension; the reason is told to the petitioner.</summary>
public sealed record ExtensionGranted
{
    public required Guid CaseId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required string UnitCode { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required int Days { get; init; }
    public required DateTimeOffset HandlingDueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
