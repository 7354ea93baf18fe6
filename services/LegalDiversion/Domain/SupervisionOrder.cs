using Coordination.ServiceDefaults.Rules;

namespace Coordination.LegalDiversion.Domain;

/// <summary>督办 by a political-legal committee: an addressee must act and reply by a deadline (§15).</summary>
public sealed class SupervisionOrder
{
    public const string Issued = "issued";
    public const string Replied = "replied";

    public Guid Id { get; init; }
    public Guid ReferralId { get; init; }
    public Guid CaseId { get; init; }
    public required string RegionCode { get; init; }
    public required string IssuedBy { get; init; }
    public required string AddresseeCode { get; init; }
    public required string Content { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public string Status { get; private set; } = Issued;
    public string? Reply { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }

    public void Answer(string reply, DateTimeOffset at)
    {
        if (Status != Issued) throw new DomainRuleException("OrderAlreadyReplied", $"order {Id} was replied to");
        Reply = reply.Trim();
        RepliedAt = at;
        Status = Replied;
    }
}
