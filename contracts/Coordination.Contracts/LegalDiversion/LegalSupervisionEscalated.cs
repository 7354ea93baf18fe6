namespace Coordination.Contracts.LegalDiversion;

/// <summary>Still late five working days after the limit: escalated to the committee.</summary>
public sealed record LegalSupervisionEscalated : IDeadlineRung
{
    public required Guid CaseId { get; init; }
    /// <summary>The time limit this rung belongs to (optional: older messages lack it).</summary>
    public Guid? DeadlineId { get; init; }
    public required string Step { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    DeadlineRungKind IDeadlineRung.Rung => DeadlineRungKind.Supervision;
}
