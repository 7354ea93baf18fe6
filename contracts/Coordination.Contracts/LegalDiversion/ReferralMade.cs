namespace Coordination.Contracts.LegalDiversion;

/// <summary>A referral was sent to a legal channel and a named institution.</summary>
public sealed record ReferralMade
{
    public required Guid CaseId { get; init; }
    public required Guid ReferralId { get; init; }
    public required string Channel { get; init; }
    public required string InstitutionCode { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset AcknowledgeBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
