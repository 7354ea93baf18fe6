namespace Coordination.Contracts.Assignment;

/// <summary>The department judged the suggestion (<see cref="SuggestionOutcomes"/>) and gave its reasons; the proposer is told both.</summary>
public sealed record SuggestionEvaluated
{
    public required Guid CaseId { get; init; }
    public required string UnitCode { get; init; }
    public required string Outcome { get; init; }
    public required string Reasons { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
