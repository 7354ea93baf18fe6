using Coordination.Contracts;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.JointMeeting.Domain;

/// <summary>
/// A joint meeting (联席会议) on cross-region, cross-department cases (§21): proposed, convened with invited
/// parties, held (or escalated to the party committee), followed through its action items, closed when every item
/// is accepted (件件回告).
/// </summary>
public sealed class Meeting
{
    public const string Proposed = "proposed";
    public const string Convened = "convened";
    public const string Held = "held";
    public const string Escalated = "escalated";
    public const string Closed = "closed";

    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    /// <summary>The region of the case; the convening bureau's jurisdiction must cover it.</summary>
    public required string RegionCode { get; init; }
    public List<string> RegionCodes { get; init; } = [];
    public List<Guid> CaseIds { get; init; } = [];
    /// <summary>Units accused in the meeting's cases: never a party, the lead unit or an item's owner (DOMAIN.md, Access).</summary>
    public List<string> AccusedUnits { get; init; } = [];
    public required string Reason { get; init; }
    public string Status { get; private set; } = Proposed;
    public DateTimeOffset ProposedAt { get; init; }
    /// <summary>
    /// The trace the case began in (W3C traceparent: the registration's, carried along by the request for this meeting; null for the bureau's own and recurring meetings),
    /// kept so that every later call on the case links to it (ServiceDefaults/Telemetry/CaseTraceLinks); null for older rows.
    /// </summary>
    public string? TraceParent { get; set; }
    public string? Agenda { get; private set; }
    public string? ConvenerUnit { get; private set; }
    public DateTimeOffset? ScheduledAt { get; private set; }
    public string? Place { get; private set; }
    public string? Minutes { get; private set; }
    public string? Resolution { get; private set; }
    public string? LeadUnit { get; private set; }
    public List<MeetingParty> Parties { get; init; } = [];
    public List<ActionItem> ActionItems { get; init; } = [];

    /// <summary>A meeting waiting for a bureau to convene it; a recurring one concerns no case (CaseId empty).</summary>
    public static Meeting Propose(Guid id, Guid caseId, string caseNumber, string regionCode, IEnumerable<string> regionCodes, IEnumerable<Guid> caseIds,
        string reason, DateTimeOffset at, IEnumerable<string>? accusedUnits = null) => new()
    {
        Id = id, CaseId = caseId, CaseNumber = caseNumber, RegionCode = regionCode, RegionCodes = [.. regionCodes], CaseIds = [.. caseIds],
        Reason = reason, ProposedAt = at, AccusedUnits = [.. (accusedUnits ?? []).Distinct()],
    };

    private void RequireNotAccused(string unit)
    {
        if (AccusedUnits.Contains(unit)) throw new DomainRuleException("AccusedUnitExcluded", "an accusation never goes to the accused unit");
    }

    /// <summary>A recurring meeting's reason is its agenda, shortened to what a stored reason holds (the agenda itself is kept whole).</summary>
    public static string RecurringReason(string agenda)
    {
        var reason = $"recurring: {agenda}";
        if (reason.Length <= FieldLimits.MeetingReasonStored) return reason;
        var cut = FieldLimits.MeetingReasonStored - 1;
        if (char.IsHighSurrogate(reason[cut - 1])) cut--;
        return reason[..cut] + "…";
    }

    private void Require(string rule, params string[] allowed)
    {
        if (!allowed.Contains(Status)) throw new DomainRuleException(rule, $"meeting {Id} is {Status}; this needs {string.Join(" or ", allowed)}");
    }

    public bool IsConvenedBy(string unit) => ConvenerUnit == unit;
    public MeetingParty? PartyFor(string unit) => Parties.FirstOrDefault(p => p.Code == unit);

    public void Convene(string convener, string agenda, DateTimeOffset at, string place, IEnumerable<string> parties)
    {
        Require("AlreadyConvened", Proposed);
        foreach (var party in parties) RequireNotAccused(party);
        (ConvenerUnit, Agenda, ScheduledAt, Place) = (convener, agenda, at, place);
        Parties.AddRange(parties.Distinct().Select(code => new MeetingParty { Code = code }));
        Status = Convened;
    }

    public void Hold(IReadOnlyCollection<string> attended, string minutes, string resolution, string? leadUnit)
    {
        Require("NotConvened", Convened);
        if (leadUnit is not null) RequireNotAccused(leadUnit);
        foreach (var p in Parties) p.Attended = attended.Contains(p.Code);
        (Minutes, Resolution, LeadUnit) = (minutes, resolution, leadUnit);
        Status = Held;
    }

    public void Escalate()
    {
        Require("NothingToEscalate", Convened, Held);
        Status = Escalated;
    }

    public ActionItem Issue(string owner, string task, DateTimeOffset dueAt)
    {
        Require("ActionItemsAfterTheMeeting", Held);
        if (PartyFor(owner) is null) throw new DomainRuleException("OwnerNotAParty", $"{owner} was not invited to meeting {Id}");
        var item = new ActionItem { Id = Guid.NewGuid(), MeetingId = Id, Owner = owner, Task = task, DueAt = dueAt };
        ActionItems.Add(item);
        return item;
    }

    /// <summary>Closes only when every action item was accepted.</summary>
    public void Close()
    {
        Require("NotHeld", Held);
        var open = ActionItems.Where(i => i.Status != ActionItem.Accepted).Select(i => i.Owner).ToList();
        if (open.Count > 0) throw new DomainRuleException("ActionItemsOpen", $"action items of {string.Join(", ", open)} are not accepted yet");
        Status = Closed;
    }
}
