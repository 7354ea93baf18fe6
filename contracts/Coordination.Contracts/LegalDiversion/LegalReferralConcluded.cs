namespace Coordination.Contracts.LegalDiversion;

/// <summary>
/// A referral ended: "concluded_in_law" (依法终结: the case leaves the petition track and closes as diverted) or
/// "returned_to_petition_track" (not in fact a legal matter: Assignment routes it again).
/// </summary>
public sealed record LegalReferralConcluded
{
    public required Guid CaseId { get; init; }
    public required Guid ReferralId { get; init; }
    public required string Conclusion { get; init; }
    public required string Detail { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
