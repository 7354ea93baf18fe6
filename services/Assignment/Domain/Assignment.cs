using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Assignment.Domain;

/// <summary>
/// One hand-over of a case to a unit: an assignment (交办, report required) or a transfer (转送, notify only).
/// Every transition is guarded; an illegal one throws and changes nothing.
/// </summary>
public sealed class Assignment
{
    public const string Pending = AssignmentStatus.Pending;
    public const string Acknowledged = AssignmentStatus.Acknowledged;

    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string UnitCode { get; init; }
    public required string Kind { get; init; }
    public required string RoutedBy { get; init; }
    public string Status { get; private set; } = Pending;
    public DateTimeOffset AssignedAt { get; init; }
    private DateTimeOffset _acknowledgeDueAt, _objectionDueAt;
    /// <summary>Set at the hand-over; moved only by a change of the working calendar (Replanned).</summary>
    public DateTimeOffset AcknowledgeDueAt { get => _acknowledgeDueAt; init => _acknowledgeDueAt = value; }
    public DateTimeOffset ObjectionDueAt { get => _objectionDueAt; init => _objectionDueAt = value; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? ReturnReasons { get; private set; }
    public string? StatusBeforeReturn { get; private set; }
    public int? ExtensionDays { get; private set; }
    public string? ExtensionReason { get; private set; }
    /// <summary>none, requested, granted or refused: one extension per hand-over.</summary>
    public string ExtensionStatus { get; private set; } = "none";
    public DateTimeOffset? HandlingDueAt { get; private set; }
    public string? ReportOutcome { get; private set; }
    public string? ReportAnswer { get; private set; }
    public string? SignedOffBy { get; private set; }
    public int SendBackCount { get; private set; }
    public string? SendBackReasons { get; private set; }

    /// <summary>
    /// The working calendar changed (ADR 19): the limits shown on the hand-over follow its re-planned limits, and the
    /// objection window, still open, is counted again from the hand-over.
    /// </summary>
    public void Replanned(DateTimeOffset? acknowledgeDueAt, DateTimeOffset? handlingDueAt, DateTimeOffset? objectionDueAt)
    {
        if (acknowledgeDueAt is { } ack) _acknowledgeDueAt = ack;
        if (handlingDueAt is { } handling && HandlingDueAt is not null) HandlingDueAt = handling;
        if (objectionDueAt is { } objection) _objectionDueAt = objection;
    }

    private void Require(string rule, params string[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new DomainRuleException(rule, $"assignment {Id} is {Status}; this needs {string.Join(" or ", allowed)}");
    }

    /// <summary>签收: only a pending hand-over, once.</summary>
    public void Acknowledge(string actor, DateTimeOffset at)
    {
        if (Status == Acknowledged) throw new DomainRuleException("AssignmentAlreadyAcknowledged", $"assignment {Id} is already acknowledged");
        Require("AssignmentNotPending", Pending);
        Status = Acknowledged;
        AcknowledgedAt = at;
        AcknowledgedBy = actor;
    }

    /// <summary>告知受理: the unit told the petitioner it accepted; a transfer's duty ends here.</summary>
    public void NotifyAccepted(DateTimeOffset at, DateTimeOffset handlingDueAt)
    {
        Require("AcceptanceNeedsAcknowledgement", Acknowledged);
        AcceptedAt = at;
        if (Kind == AssignmentKinds.Transfer) { Status = AssignmentStatus.Completed; return; }
        Status = AssignmentStatus.Accepted;
        HandlingDueAt = handlingDueAt;
    }

    /// <summary>异议: within the objection window, with reasons, while the case may still be returned.</summary>
    public void RequestReturn(string reasons, DateTimeOffset at, int returnsSoFar, int cap)
    {
        Require("ReturnOnlyBeforeAcceptance", Pending, Acknowledged);
        if (string.IsNullOrWhiteSpace(reasons)) throw new DomainRuleException("ReturnNeedsReasons", "a return states its reasons");
        if (at > ObjectionDueAt) throw new DomainRuleException("ObjectionWindowPassed", $"objections were due by {ObjectionDueAt:u}");
        if (returnsSoFar >= cap) throw new DomainRuleException("ReturnCapReached", $"the case was already returned {returnsSoFar} times (cap {cap})");
        StatusBeforeReturn = Status;
        Status = AssignmentStatus.ReturnRequested;
        ReturnReasons = reasons.Trim();
    }

    public void ApproveReturn()
    {
        Require("NoReturnRequested", AssignmentStatus.ReturnRequested);
        Status = AssignmentStatus.Returned;
    }

    /// <summary>Rejected: the unit must handle it, from where it was.</summary>
    public void RejectReturn()
    {
        Require("NoReturnRequested", AssignmentStatus.ReturnRequested);
        Status = StatusBeforeReturn ?? Acknowledged;
    }

    public void RequestExtension(int days, string reason, int maxDays)
    {
        Require("ExtensionOnlyWhileHandling", AssignmentStatus.Accepted);
        if (ExtensionStatus != "none") throw new DomainRuleException("OneExtensionOnly", $"an extension was already {ExtensionStatus}");
        if (days < 1 || days > maxDays) throw new DomainRuleException("ExtensionTooLong", $"an extension is 1 to {maxDays} days");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("ExtensionNeedsReason", "the reason is told to the petitioner");
        ExtensionStatus = "requested";
        ExtensionDays = days;
        ExtensionReason = reason.Trim();
    }

    public void GrantExtension(DateTimeOffset newHandlingDueAt)
    {
        if (ExtensionStatus != "requested") throw new DomainRuleException("NoExtensionRequested", "no extension is waiting for a decision");
        ExtensionStatus = "granted";
        HandlingDueAt = newHandlingDueAt;
    }

    public void RefuseExtension()
    {
        if (ExtensionStatus != "requested") throw new DomainRuleException("NoExtensionRequested", "no extension is waiting for a decision");
        ExtensionStatus = "refused";
    }

    /// <summary>办结报告; a leader-instructed case waits for a named leader's sign-off before it goes up (§10).</summary>
    public void SubmitReport(string outcome, string answer, bool needsSignOff)
    {
        Require("ReportOnlyWhileHandling", AssignmentStatus.Accepted);
        if (Kind != AssignmentKinds.Assignment) throw new DomainRuleException("TransferHasNoReport", "a transfer reports nothing back");
        if (!ReportOutcomes.All.Contains(outcome)) throw new DomainRuleException("UnknownOutcome", $"outcome {outcome}");
        if (string.IsNullOrWhiteSpace(answer)) throw new DomainRuleException("ReportNeedsAnswer", "the answer to the petitioner is required");
        ReportOutcome = outcome;
        ReportAnswer = answer.Trim();
        SignedOffBy = null;
        Status = needsSignOff ? AssignmentStatus.ReportAwaitingSignOff : AssignmentStatus.ReportSubmitted;
    }

    public void SignOff(string leader)
    {
        Require("NothingToSignOff", AssignmentStatus.ReportAwaitingSignOff);
        if (string.IsNullOrWhiteSpace(leader)) throw new DomainRuleException("SignOffNeedsLeader", "a named leader signs");
        SignedOffBy = leader.Trim();
        Status = AssignmentStatus.ReportSubmitted;
    }

    public void ApproveReport()
    {
        Require("NoReportToReview", AssignmentStatus.ReportSubmitted);
        Status = AssignmentStatus.Approved;
    }

    /// <summary>重新办理: unclear, evasive or indecisive reports go back, with reasons (§10).</summary>
    public void SendBack(string reasons)
    {
        Require("NoReportToReview", AssignmentStatus.ReportSubmitted);
        if (string.IsNullOrWhiteSpace(reasons)) throw new DomainRuleException("SendBackNeedsReasons", "re-handling states its reasons");
        SendBackCount++;
        SendBackReasons = reasons.Trim();
        Status = AssignmentStatus.Accepted;
    }
}
