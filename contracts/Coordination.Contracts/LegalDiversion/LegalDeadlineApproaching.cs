namespace Coordination.Contracts.LegalDiversion;

/// <summary>Reminder at 80% of a legal-diversion time limit.</summary>
public sealed record LegalDeadlineApproaching : IDeadlineRung
{
    public required Guid CaseId { get; init; }
    /// <summary>The time limit this rung belongs to (optional: older messages lack it).</summary>
    public Guid? DeadlineId { get; init; }
    public required string Step { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    Guid? IDeadlineRung.SubjectId => null;
    DeadlineRungKind IDeadlineRung.Rung => DeadlineRungKind.Approaching;
}
