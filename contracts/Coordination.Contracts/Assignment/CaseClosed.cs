namespace Coordination.Contracts.Assignment;

/// <summary>The case closed with its outcome type. Final: after re-review, the same facts are not accepted again.</summary>
public sealed record CaseClosed
{
    public required Guid CaseId { get; init; }
    public required string Outcome { get; init; }
    public required bool Final { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
