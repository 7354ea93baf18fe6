namespace Coordination.Contracts.Assignment;

/// <summary>The bureau sent the report back for re-handling (重新办理), with mandatory reasons (§10).</summary>
public sealed record ReportSentBack
{
    public required Guid CaseId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required string UnitCode { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required string Reasons { get; init; }
    public required int SendBackCount { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
