using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Assignment.Domain;

/// <summary>
/// A people's suggestion (人民建议, §18) on its own track: received, passed to the competent department, evaluated by it
/// with reasons, and, when adopted in whole or in part, commended by the bureau. Never routed as a complaint.
/// </summary>
public sealed class Suggestion
{
    public Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required string Topic { get; init; }
    /// <summary>The suggestion itself: the department evaluates it (ADR 26).</summary>
    public required string Summary { get; init; }
    public required string Channel { get; init; }
    public string Status { get; private set; } = SuggestionStatus.Received;
    public DateTimeOffset ReceivedAt { get; init; }
    public string? UnitCode { get; private set; }
    public DateTimeOffset? PassedAt { get; private set; }
    public DateTimeOffset? EvaluateBy { get; private set; }
    public string? Outcome { get; private set; }
    public string? Reasons { get; private set; }
    public string? EvaluatedBy { get; private set; }
    public DateTimeOffset? EvaluatedAt { get; private set; }
    public string? Commendation { get; private set; }
    public DateTimeOffset? CommendedAt { get; private set; }

    /// <summary>To the competent department; again to another while it is not evaluated (the bureau corrects its choice).</summary>
    public void PassTo(string unit, DateTimeOffset now, DateTimeOffset evaluateBy)
    {
        if (Status is not (SuggestionStatus.Received or SuggestionStatus.Passed))
            throw new DomainRuleException("SuggestionAlreadyEvaluated", $"suggestion {CaseNumber} is {Status}; only one not yet evaluated is passed on");
        (UnitCode, PassedAt, EvaluateBy, Status) = (unit, now, evaluateBy, SuggestionStatus.Passed);
    }

    public bool IsWith(string unit) => Status != SuggestionStatus.Received && UnitCode == unit;

    /// <summary>Judged once, by the department it was passed to, with reasons for every outcome (the proposer is told why).</summary>
    public void Evaluate(string outcome, string reasons, string by, DateTimeOffset now)
    {
        if (Status != SuggestionStatus.Passed)
            throw new DomainRuleException("SuggestionNotAwaitingEvaluation", $"suggestion {CaseNumber} is {Status}; only a passed one is evaluated");
        if (!SuggestionOutcomes.All.Contains(outcome)) throw new DomainRuleException("SuggestionOutcomeUnknown", $"{outcome} is no outcome");
        if (string.IsNullOrWhiteSpace(reasons)) throw new DomainRuleException("SuggestionNeedsReasons", "an evaluation states its reasons");
        (Outcome, Reasons, EvaluatedBy, EvaluatedAt, Status) = (outcome, reasons, by, now, SuggestionStatus.Evaluated);
    }

    /// <summary>Once, and only for an adopted or partly adopted suggestion.</summary>
    public void Commend(string commendation, DateTimeOffset now)
    {
        if (Status == SuggestionStatus.Commended) throw new DomainRuleException("SuggestionAlreadyCommended", $"suggestion {CaseNumber} was commended");
        if (Status != SuggestionStatus.Evaluated || !SuggestionOutcomes.Commendable(Outcome))
            throw new DomainRuleException("CommendationNeedsAdoption", $"suggestion {CaseNumber} is {Status}{(Outcome is null ? "" : $" ({Outcome})")}; only an adopted one is commended");
        (Commendation, CommendedAt, Status) = (commendation, now, SuggestionStatus.Commended);
    }

    /// <summary>The working calendar moved the evaluation limit (ADR 19).</summary>
    public void Replanned(DateTimeOffset evaluateBy)
    {
        if (Status == SuggestionStatus.Passed) EvaluateBy = evaluateBy;
    }

    public bool Overdue(DateTimeOffset now) => Status == SuggestionStatus.Passed && EvaluateBy < now;
}
