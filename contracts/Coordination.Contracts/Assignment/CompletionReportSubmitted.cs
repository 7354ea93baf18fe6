namespace Coordination.Contracts.Assignment;

/// <summary>The unit's completion report (办结报告) with its outcome and answer; goes to review.</summary>
public sealed record CompletionReportSubmitted
{
    public required Guid CaseId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required string UnitCode { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required string Outcome { get; init; }
    public required bool AwaitingSignOff { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
