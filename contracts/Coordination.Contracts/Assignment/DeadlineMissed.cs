namespace Coordination.Contracts.Assignment;

/// <summary>催办: the day after a time limit passed unmet.</summary>
public sealed record DeadlineMissed : IDeadlineRung
{
    public required Guid CaseId { get; init; }
    /// <summary>The time limit this rung belongs to (optional: older messages lack it).</summary>
    public Guid? DeadlineId { get; init; }
    /// <summary>The hand-over the limit belongs to, where it belongs to one.</summary>
    public Guid? AssignmentId { get; init; }
    public required string Step { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    Guid? IDeadlineRung.SubjectId => AssignmentId;
    DeadlineRungKind IDeadlineRung.Rung => DeadlineRungKind.Missed;
}
