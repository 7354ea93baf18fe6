using Coordination.ServiceDefaults.Time;

namespace Coordination.Assignment.Domain;

/// <summary>One limit a rule set gives: its step, its end, and how it is counted.</summary>
public sealed record PreviewedLimit(string Step, DateTimeOffset DueAt, string CountedIn, int Length);

/// <summary>
/// The limits a rule set gives a case registered (and handed over) on a day, counted on the working calendar exactly
/// as a registration counts them (CaseTimeLimits); the later steps as if each step before happened that same day.
/// </summary>
public static class DeadlinePreview
{
    public const string WorkingDays = "working_days", Days = "days";

    public static IReadOnlyList<PreviewedLimit> For(RuleSet rules, BusinessCalendar calendar, DateOnly registrationDay)
    {
        var limits = new CaseTimeLimits(rules, calendar);
        var at = new DateTimeOffset(registrationDay.ToDateTime(new TimeOnly(12, 0)), ServiceDefaults.Time.WorkingDays.BureauOffset);
        return
        [
            new(DeadlineSteps.Acknowledge, limits.AcknowledgeBy(at), WorkingDays, rules.AcknowledgeWorkingDays),
            new("objection", limits.ObjectionBy(at), WorkingDays, rules.ObjectionWorkingDays),
            new(DeadlineSteps.AcceptNotice, limits.AcceptNoticeBy(at), Days, rules.AcceptNoticeDays),
            new(DeadlineSteps.Handling, limits.HandlingBy(at), Days, rules.HandlingDays),
            new(DeadlineSteps.ReviewWindow, limits.ReviewWindowEnds(at), Days, rules.ReviewRequestDays),
            new(DeadlineSteps.ReviewDecision, limits.ReviewDecisionBy(at), Days, rules.ReviewDecisionDays),
        ];
    }
}
