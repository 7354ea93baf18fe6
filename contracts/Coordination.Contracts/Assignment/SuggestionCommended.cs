namespace Coordination.Contracts.Assignment;

/// <summary>The bureau recorded the commendation of an adopted suggestion's proposer (§18: 备案, 奖励).</summary>
public sealed record SuggestionCommended
{
    public required Guid CaseId { get; init; }
    public required string Commendation { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
