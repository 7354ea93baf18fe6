namespace Coordination.Contracts.LegalDiversion;

/// <summary>督办: the committee ordered an institution or unit to act by a deadline.</summary>
public sealed record SupervisionOrderIssued
{
    public required Guid CaseId { get; init; }
    public required Guid OrderId { get; init; }
    public required Guid ReferralId { get; init; }
    public required string AddresseeCode { get; init; }
    public required string Content { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
