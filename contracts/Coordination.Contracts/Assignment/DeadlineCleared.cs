namespace Coordination.Contracts.Assignment;

/// <summary>
/// A time limit that had passed (催办 sent) is no longer overdue: the step was done late ("met") or an approved
/// extension moved the limit ("extended"). Lets the overdue list drop it.
/// </summary>
public sealed record DeadlineCleared : IDeadlineRung
{
    public required Guid CaseId { get; init; }
    public required Guid DeadlineId { get; init; }
    public Guid? AssignmentId { get; init; }
    public required string Step { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>"met" or "extended".</summary>
    public required string How { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    Guid? IDeadlineRung.DeadlineId => DeadlineId;
    Guid? IDeadlineRung.SubjectId => AssignmentId;
    DeadlineRungKind IDeadlineRung.Rung => DeadlineRungKind.Cleared;
}
