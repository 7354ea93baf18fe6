namespace Coordination.Contracts.LegalDiversion;

/// <summary>The institution filed or accepted the referral; its outcome is due by OutcomeBy.</summary>
public sealed record ReferralAcknowledged
{
    public required Guid CaseId { get; init; }
    public required Guid ReferralId { get; init; }
    public required string InstitutionCode { get; init; }
    public required string Decision { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OutcomeBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
