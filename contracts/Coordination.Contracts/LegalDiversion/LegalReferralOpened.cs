namespace Coordination.Contracts.LegalDiversion;

/// <summary>A law-related case now has an open referral awaiting a legal channel. Published by LegalDiversion.</summary>
public sealed record LegalReferralOpened
{
    public required Guid CaseId { get; init; }
    public required Guid ReferralId { get; init; }
    public required string RegionCode { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
