namespace Coordination.Contracts.Assignment;

/// <summary>
/// A registered petition is a people's suggestion (§18): Assignment keeps it on the suggestion track instead of routing it
/// as a complaint. The region and topic are those of the registration, for the report of suggestions.
/// </summary>
public sealed record SuggestionReceived
{
    public required Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required string Topic { get; init; }
    public required string Channel { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
