using Coordination.ServiceDefaults.Rules;

namespace Coordination.JointMeeting.Domain;

/// <summary>A region, department or unit invited to a meeting; it acts only for itself.</summary>
public sealed class MeetingParty
{
    public const string Invited = "invited";

    public int Id { get; init; }
    public required string Code { get; init; }
    public string Response { get; private set; } = Invited;
    public string? DeclineReason { get; private set; }
    public string? Delegate { get; private set; }
    public string? Position { get; private set; }
    public string? HandlingStatus { get; private set; }
    public DateTimeOffset? PositionSubmittedAt { get; private set; }
    public bool PositionLate { get; private set; }
    public bool Attended { get; set; }

    /// <summary>confirm, decline (with a reason) or delegate (naming who comes instead).</summary>
    public void Answer(string response, string? reason, string? delegateName)
    {
        if (Response != Invited) throw new DomainRuleException("AlreadyAnswered", $"{Code} answered {Response}");
        if (response == "decline" && string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("DeclineNeedsReason", "a decline states its reason");
        if (response == "delegate" && string.IsNullOrWhiteSpace(delegateName)) throw new DomainRuleException("DelegateNeedsName", "name the delegate");
        Response = response switch { "confirm" => "confirmed", "decline" => "declined", _ => "delegated" };
        DeclineReason = response == "decline" ? reason!.Trim() : null;
        Delegate = response == "delegate" ? delegateName!.Trim() : null;
    }

    public void SubmitPosition(string position, string handlingStatus, DateTimeOffset at, DateTimeOffset dueAt)
    {
        if (PositionSubmittedAt is not null) throw new DomainRuleException("PositionAlreadySubmitted", $"{Code} already submitted its position");
        (Position, HandlingStatus, PositionSubmittedAt) = (position.Trim(), handlingStatus.Trim(), at);
        PositionLate = at > dueAt;
    }
}
