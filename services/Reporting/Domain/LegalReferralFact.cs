using Coordination.Contracts.LegalDiversion;
namespace Coordination.Reporting.Domain;

/// <summary>A law-related case's referral as the committee's report sees it; the newest event sets its status.</summary>
public sealed class LegalReferralFact
{
    public Guid ReferralId { get; init; }
    public Guid CaseId { get; set; }
    public string RegionCode { get; set; } = "";
    public DateTimeOffset? OpenedAt { get; set; }
    public string Channel { get; set; } = "";
    public string InstitutionCode { get; set; } = "";
    public string Status { get; set; } = "open";
    public DateTimeOffset StatusAt { get; set; } = DateTimeOffset.MinValue;
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>When the channel and institution were last set: a re-referral replaces them, an older one does not.</summary>
    public DateTimeOffset? ReferredAt { get; set; }

    public static readonly IReadOnlySet<string> Ends = ReferralConclusions.All;

    public void ReferTo(string channel, string institution, DateTimeOffset at)
    {
        if (ReferredAt is { } last && at < last) return;
        (Channel, InstitutionCode, ReferredAt) = (channel, institution, at);
    }

    /// <summary>Events of one referral may arrive out of order: only a newer one moves the status; an end stays.</summary>
    public void Move(string status, DateTimeOffset at)
    {
        if (Ends.Contains(status)) EndedAt = at;
        if (at < StatusAt || (Ends.Contains(Status) && !Ends.Contains(status))) return;
        (Status, StatusAt) = (status, at);
    }
}
