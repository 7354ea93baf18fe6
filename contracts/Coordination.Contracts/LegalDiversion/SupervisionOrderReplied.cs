namespace Coordination.Contracts.LegalDiversion;

/// <summary>The addressee replied to a supervision order.</summary>
public sealed record SupervisionOrderReplied
{
    public required Guid CaseId { get; init; }
    public required Guid OrderId { get; init; }
    public required string AddresseeCode { get; init; }
    public required string Reply { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
