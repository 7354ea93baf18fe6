using Coordination.ServiceDefaults.Rules;
using Coordination.Contracts.LegalDiversion;

namespace Coordination.LegalDiversion.Domain;

/// <summary>
/// A law-related case on its way into legal procedure (诉访分离, §14–15): referred to a channel and institution,
/// acknowledged or declined, followed through its updates, and concluded in law or returned to the petition track.
/// </summary>
public sealed class Referral
{
    public const string Open = "open";
    public const string Referred = "referred";
    public const string Filed = "filed";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string InProgress = "in_progress";
    public const string OutcomeReported = "outcome_reported";
    public const string ConcludedInLaw = ReferralConclusions.ConcludedInLaw;
    public const string ReturnedToPetitionTrack = ReferralConclusions.ReturnedToPetitionTrack;

    public static readonly IReadOnlySet<string> InProcedure = new HashSet<string> { Filed, Accepted, InProgress, OutcomeReported };
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string> { "decided", "mediated", "withdrawn" };

    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required string Topic { get; init; }
    public string Status { get; private set; } = Open;
    public DateTimeOffset OpenedAt { get; init; }
    /// <summary>
    /// The trace the case began in (W3C traceparent: the registration's, carried along by the request that opened this),
    /// kept so that every later call on the case links to it (ServiceDefaults/Telemetry/CaseTraceLinks); null for older rows.
    /// </summary>
    public string? TraceParent { get; set; }
    public string? Channel { get; private set; }
    public string? InstitutionCode { get; private set; }
    public int ReferralCount { get; private set; }
    public string? DeclineReasons { get; private set; }
    public string? LastUpdate { get; private set; }
    public string? OutcomeNote { get; private set; }
    public bool Major { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    /// <summary>For accusations: the accused unit, which is never referred the case nor addressed an order on it (DOMAIN.md, Access).</summary>
    public string? AccusedUnit { get; init; }

    public void RequireNotAccused(string unit)
    {
        if (unit == AccusedUnit) throw new DomainRuleException("AccusedUnitExcluded", "an accusation never goes to the accused unit");
    }

    /// <summary>Opened when Assignment diverts a case; nothing is referred yet.</summary>
    public static Referral OpenFor(Guid id, Guid caseId, string caseNumber, string regionCode, string topic, DateTimeOffset at, string? accusedUnit = null) => new()
    {
        Id = id, CaseId = caseId, CaseNumber = caseNumber, RegionCode = regionCode, Topic = topic, OpenedAt = at, AccusedUnit = accusedUnit,
    };

    private void Require(string rule, params string[] allowed)
    {
        if (!allowed.Contains(Status)) throw new DomainRuleException(rule, $"referral {Id} is {Status}; this needs {string.Join(" or ", allowed)}");
    }

    /// <summary>To a channel and a named institution; a declined referral may be referred again.</summary>
    public void ReferTo(Institution institution)
    {
        Require("ReferralNotOpen", Open, Declined);
        Channel = institution.Channel;
        InstitutionCode = institution.Code;
        DeclineReasons = null;
        ReferralCount++;
        Status = Referred;
    }

    public void Acknowledge(string decision, string? reasons)
    {
        Require("NothingToAcknowledge", Referred);
        if (decision == Declined && string.IsNullOrWhiteSpace(reasons)) throw new DomainRuleException("DeclineNeedsReasons", "a decline states its reasons");
        Status = decision;
        DeclineReasons = decision == Declined ? reasons!.Trim() : null;
    }

    public void PostUpdate(string update, string note)
    {
        Require("NotInLegalProcedure", Filed, Accepted, InProgress);
        LastUpdate = update;
        if (Outcomes.Contains(update))
        {
            OutcomeNote = note;
            Status = OutcomeReported;
        }
        else Status = InProgress;
    }

    /// <summary>依法终结 once the case is in legal procedure; back to the petition track while it is not.</summary>
    public void Conclude(string conclusion, DateTimeOffset at)
    {
        if (conclusion == ConcludedInLaw) Require("NotInLegalProcedure", [.. InProcedure]);
        else Require("AlreadyInLegalProcedure", Open, Declined, Referred);
        Status = conclusion;
        ConcludedAt = at;
    }

    public void MarkMajor()
    {
        if (ConcludedAt is not null) throw new DomainRuleException("ReferralConcluded", $"referral {Id} is {Status}");
        Major = true;
    }
}
