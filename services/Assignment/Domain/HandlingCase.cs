using Coordination.ServiceDefaults.Rules;

namespace Coordination.Assignment.Domain;

/// <summary>Assignment's view of a case: routing, hand-overs, the answer, review and closure.</summary>
public sealed class HandlingCase
{
    public Guid Id { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required string Topic { get; init; }
    public bool LawRelated { get; set; }
    public List<string> OtherRegionCodes { get; init; } = [];
    /// <summary>For accusations: never hand the case to the unit it accuses (DOMAIN.md, Access).</summary>
    public string? AccusedUnit { get; init; }
    public bool LeaderInstructed { get; init; }
    public bool ToBeijing { get; init; }
    /// <summary>A long-standing petitioner's case (信访老户, §12): a leader may own it (包案).</summary>
    public bool LongStandingPetitioner { get; init; }
    public required string Status { get; set; }
    public DateTimeOffset RegisteredAt { get; init; }
    public required string RuleSetVersion { get; init; }
    /// <summary>
    /// The trace the case began in (W3C traceparent: the registration's, which the consumed event continues), kept so
    /// that every later call on the case links to it (ServiceDefaults/Telemetry/CaseTraceLinks); null for older rows.
    /// </summary>
    public string? TraceParent { get; init; }
    public int ReturnCount { get; private set; }
    public string? Outcome { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public DateTimeOffset? WindowEndsAt { get; private set; }
    public string? Rating { get; private set; }
    public string? ReviewDecision { get; private set; }
    public bool Final { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ResponsibleUnit { get; private set; }
    public string? ResponsibleGroup { get; private set; }
    public string? ResponsibleLeader { get; private set; }
    public string? ResponsiblePerson { get; private set; }
    public List<Assignment> Assignments { get; init; } = [];
    /// <summary>The joint meetings proposed for this case while it awaited one: only their conclusions move it on.</summary>
    public List<Guid> MeetingIds { get; init; } = [];

    private void Require(string rule, params string[] allowed)
    {
        if (!allowed.Contains(Status)) throw new DomainRuleException(rule, $"case {CaseNumber} is {Status}; this needs {string.Join(" or ", allowed)}");
    }

    public bool IsAccused(string unit) => unit == AccusedUnit;

    /// <summary>A unit holds the case while one of its hand-overs is not returned: a returned hand-over ends its access.</summary>
    public bool IsHeldBy(string unit) => Assignments.Any(a => a.UnitCode == unit && a.Status != AssignmentStatus.Returned);

    /// <summary>The hand-overs a unit holds (not returned).</summary>
    public IEnumerable<Assignment> HeldBy(string unit) => Assignments.Where(a => a.UnitCode == unit && a.Status != AssignmentStatus.Returned);

    public void RequireNotAccused(string unit)
    {
        if (IsAccused(unit)) throw new DomainRuleException("AccusedUnitExcluded", "an accusation never goes to the accused unit");
    }

    public void DivertToLegal() => Status = CaseStatus.DivertedToLegal;

    public void AwaitJointMeeting() => Status = CaseStatus.AwaitingJointMeeting;

    /// <summary>A meeting proposed for the case counts only while the case awaits one (Assignment sent it there).</summary>
    public void RecordMeeting(Guid meetingId)
    {
        if (Status == CaseStatus.AwaitingJointMeeting && !MeetingIds.Contains(meetingId)) MeetingIds.Add(meetingId);
    }

    /// <summary>A meeting's conclusion moves the case on only if Assignment sent the case to that meeting.</summary>
    public bool AwaitsMeeting(Guid meetingId) => Status == CaseStatus.AwaitingJointMeeting && MeetingIds.Contains(meetingId);

    public void QueueForManualRouting() => Status = CaseStatus.AwaitingManualRouting;

    /// <summary>Back from legal diversion without a conclusion in law: the case is routed as a petition again.</summary>
    public void ReturnToPetitionTrack() => LawRelated = false;

    /// <summary>交办 or 转送 to a unit (never the accused one), with its acknowledgement and objection limits.</summary>
    public Assignment HandOver(Guid assignmentId, string unit, string kind, string routedBy, DateTimeOffset at, CaseTimeLimits limits)
    {
        RequireNotAccused(unit);
        var assignment = new Assignment
        {
            Id = assignmentId, CaseId = Id, UnitCode = unit, Kind = kind, RoutedBy = routedBy, AssignedAt = at,
            AcknowledgeDueAt = limits.AcknowledgeBy(at), ObjectionDueAt = limits.ObjectionBy(at),
        };
        Assignments.Add(assignment);
        Status = CaseStatus.Assigned;
        return assignment;
    }

    public void CountReturn() => ReturnCount++;

    /// <summary>The approved report's answer goes to the petitioner; the review window opens.</summary>
    public void Reply(Assignment approved, DateTimeOffset at, DateTimeOffset windowEndsAt)
    {
        Require("ReplyOnlyWhileHandling", CaseStatus.Assigned);
        if (approved.Status != AssignmentStatus.Approved) throw new DomainRuleException("ReplyNeedsApprovedReport", "the report must be approved first");
        Outcome = approved.ReportOutcome;
        Answer = approved.ReportAnswer;
        RepliedAt = at;
        WindowEndsAt = windowEndsAt;
        Status = CaseStatus.Replied;
    }

    public void Rate(string rating)
    {
        if (RepliedAt is null) throw new DomainRuleException("RatingNeedsReply", "the petitioner rates an answer");
        if (Rating is not null) throw new DomainRuleException("AlreadyRated", $"rated {Rating}");
        Rating = rating;
    }

    /// <summary>复查 within the window after the answer; 复核 within the window after the review.</summary>
    public string RequestReview(DateTimeOffset at)
    {
        if (Final) throw new DomainRuleException("CaseIsFinal", "after re-review the matter is final");
        Require("NothingToReview", CaseStatus.Replied, CaseStatus.ReviewDecided);
        if (at > WindowEndsAt) throw new DomainRuleException("ReviewWindowPassed", $"the window ended {WindowEndsAt:u}");
        Status = Status == CaseStatus.Replied ? CaseStatus.ReviewRequested : CaseStatus.ReReviewRequested;
        return Status == CaseStatus.ReviewRequested ? "review" : "rereview";
    }

    public string DecideReview(string decision, string answer, DateTimeOffset at, DateTimeOffset nextWindowEndsAt)
    {
        Require("NoReviewPending", CaseStatus.ReviewRequested, CaseStatus.ReReviewRequested);
        ReviewDecision = decision;
        Answer = answer;
        if (Status == CaseStatus.ReReviewRequested)
        {
            Final = true;
            Close(at);
            return "rereview";
        }
        Status = CaseStatus.ReviewDecided;
        WindowEndsAt = nextWindowEndsAt;
        return "review";
    }

    public void RequireReReviewPending() => Require("NoReReviewPending", CaseStatus.ReReviewRequested);

    /// <summary>Closes when the window passes, after re-review, or when diverted; a closed case stays closed.</summary>
    public void Close(DateTimeOffset at, string? outcome = null)
    {
        if (Status == CaseStatus.Closed) throw new DomainRuleException("CaseClosed", $"case {CaseNumber} is closed");
        if (outcome is not null) Outcome = outcome;
        Status = CaseStatus.Closed;
        ClosedAt = at;
    }

    /// <summary>§9: every to-Beijing case has a responsible unit, group, leader in charge and person.</summary>
    public void AssignResponsibility(string unit, string group, string leader, string person)
    {
        if (!ToBeijing) throw new DomainRuleException("NotABeijingCase", "responsibility records are kept for to-Beijing cases");
        (ResponsibleUnit, ResponsibleGroup, ResponsibleLeader, ResponsiblePerson) = (unit, group, leader, person);
    }
}
