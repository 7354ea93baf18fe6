using Coordination.ServiceDefaults.Rules;

namespace Coordination.JointMeeting.Domain;

/// <summary>A task the meeting gave one party, with a deadline; the convener accepts the reply or sends it back.</summary>
public sealed class ActionItem
{
    public const string Open = "open";
    public const string Replied = "replied";
    public const string Accepted = "accepted";
    public const string SentBack = "sent_back";

    public Guid Id { get; init; }
    public Guid MeetingId { get; init; }
    public required string Owner { get; init; }
    public required string Task { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public string Status { get; private set; } = Open;
    public string? Reply { get; private set; }
    public string? Evidence { get; private set; }
    public string? SendBackReason { get; private set; }

    public void Answer(string reply, string evidence)
    {
        if (Status is not (Open or SentBack)) throw new DomainRuleException("NothingToReply", $"action item {Id} is {Status}");
        (Reply, Evidence, Status) = (reply.Trim(), evidence.Trim(), Replied);
    }

    public void Accept()
    {
        if (Status != Replied) throw new DomainRuleException("NoReplyToReview", $"action item {Id} is {Status}");
        Status = Accepted;
    }

    public void SendBack(string reason)
    {
        if (Status != Replied) throw new DomainRuleException("NoReplyToReview", $"action item {Id} is {Status}");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("SendBackNeedsReason", "state why the reply is not enough");
        (SendBackReason, Status) = (reason.Trim(), SentBack);
    }
}
