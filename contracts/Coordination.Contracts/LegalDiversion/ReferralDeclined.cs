namespace Coordination.Contracts.LegalDiversion;

/// <summary>The institution declined the referral, with reasons; the committee may refer it again.</summary>
public sealed record ReferralDeclined
{
    public required Guid CaseId { get; init; }
    public required Guid ReferralId { get; init; }
    public required string InstitutionCode { get; init; }
    public required string Reasons { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
