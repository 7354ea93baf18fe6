using Coordination.ServiceDefaults.Time;

namespace Coordination.Assignment.Domain;

/// <summary>
/// A case's time limits as due instants: its rule set (the one in force at registration) counted on the working
/// calendar (DOMAIN.md, time limits). Pure arithmetic; the rows are loaded by the caller.
/// </summary>
public sealed record CaseTimeLimits(RuleSet Rules, BusinessCalendar Calendar)
{
    public static CaseTimeLimits Of(IEnumerable<RuleSet> ruleSets, BusinessCalendar calendar, string ruleSetVersion) =>
        new(ruleSets.Single(r => r.Version == ruleSetVersion), calendar);

    public LadderRules Ladder => Rules.Ladder;

    /// <summary>签收, in working days from the hand-over.</summary>
    public DateTimeOffset AcknowledgeBy(DateTimeOffset handedOverAt) => Calendar.AfterWorkingDays(handedOverAt, Rules.AcknowledgeWorkingDays);

    /// <summary>Objections to a wrong hand-over, in working days from the hand-over.</summary>
    public DateTimeOffset ObjectionBy(DateTimeOffset handedOverAt) => Calendar.AfterWorkingDays(handedOverAt, Rules.ObjectionWorkingDays);

    /// <summary>Telling the petitioner the case was accepted, in days from the hand-over.</summary>
    public DateTimeOffset AcceptNoticeBy(DateTimeOffset handedOverAt) => Calendar.AfterCalendarDays(handedOverAt, Rules.AcceptNoticeDays);

    public DateTimeOffset HandlingBy(DateTimeOffset acceptedAt) => Calendar.AfterCalendarDays(acceptedAt, Rules.HandlingDays);

    /// <summary>An extension adds its days to the handling limit in force.</summary>
    public DateTimeOffset Extended(DateTimeOffset handlingDueAt, int days) => Calendar.AfterCalendarDays(handlingDueAt, days);

    public DateTimeOffset RehandlingBy(DateTimeOffset sentBackAt) => Calendar.AfterCalendarDays(sentBackAt, Rules.RehandlingDays);

    /// <summary>The window to ask for review (复查) or re-review (复核), from the answer or the review decision.</summary>
    public DateTimeOffset ReviewWindowEnds(DateTimeOffset answeredAt) => Calendar.AfterCalendarDays(answeredAt, Rules.ReviewRequestDays);

    public DateTimeOffset ReviewDecisionBy(DateTimeOffset requestedAt) => Calendar.AfterCalendarDays(requestedAt, Rules.ReviewDecisionDays);

    /// <summary>A suggestion's evaluation, in working days from passing it to the department (§18).</summary>
    public DateTimeOffset SuggestionEvaluatedBy(DateTimeOffset passedAt) => Calendar.AfterWorkingDays(passedAt, Rules.SuggestionEvaluationWorkingDays);

    /// <summary>An owned case's next progress note, in working days from the last (or from taking ownership).</summary>
    public DateTimeOffset NextProgressBy(DateTimeOffset from, int everyWorkingDays) => Calendar.AfterWorkingDays(from, everyWorkingDays);

    /// <summary>How a step's limit is counted from its start, so a calendar change can count it again (ADR 19); null for other steps.</summary>
    public DeadlineTerm? TermOf(string step) => step switch
    {
        DeadlineSteps.Acknowledge => DeadlineTerm.Working(Rules.AcknowledgeWorkingDays),
        DeadlineSteps.AcceptNotice => DeadlineTerm.Calendar(Rules.AcceptNoticeDays),
        DeadlineSteps.Handling => DeadlineTerm.Calendar(Rules.HandlingDays),
        DeadlineSteps.Rehandling => DeadlineTerm.Calendar(Rules.RehandlingDays),
        DeadlineSteps.ReviewWindow => DeadlineTerm.Calendar(Rules.ReviewRequestDays),
        DeadlineSteps.ReviewDecision or DeadlineSteps.ReReviewDecision => DeadlineTerm.Calendar(Rules.ReviewDecisionDays),
        DeadlineSteps.SuggestionEvaluation => DeadlineTerm.Working(Rules.SuggestionEvaluationWorkingDays),
        _ => null,
    };
}
