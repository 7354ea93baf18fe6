namespace Coordination.Contracts.Assignment;

/// <summary>The bureau passed a suggestion to the competent department for evaluation, to be answered by <see cref="EvaluateBy"/>.</summary>
public sealed record SuggestionPassed
{
    public required Guid CaseId { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset EvaluateBy { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
