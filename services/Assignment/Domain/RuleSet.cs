using Coordination.ServiceDefaults.Time;

namespace Coordination.Assignment.Domain;

/// <summary>
/// The time limits in force (DOMAIN.md, time limits) as a versioned row: a case keeps the rule set that was in
/// force at its registration, whatever is added later. Saved by an administrator through the API (ADR 20): every limit
/// is at least one day (the table refuses anything else too), and a rule set takes effect from today or later.
/// </summary>
public sealed class RuleSet
{
    public required string Version { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    /// <summary>When it was saved: of two rule sets effective from the same day, the later saved is in force.</summary>
    public DateTimeOffset SavedAt { get; init; }
    public string SavedBy { get; init; } = "";
    /// <summary>签收: working days (local practice).</summary>
    public int AcknowledgeWorkingDays { get; init; } = 3;
    /// <summary>Tell the petitioner the case was accepted: days from the hand-over.</summary>
    public int AcceptNoticeDays { get; init; } = 15;
    /// <summary>Object to a wrong hand-over, with reasons: working days from the hand-over.</summary>
    public int ObjectionWorkingDays { get; init; } = 5;
    /// <summary>Handle and answer: days from acceptance.</summary>
    public int HandlingDays { get; init; } = 60;
    public int MaxExtensionDays { get; init; } = 30;
    /// <summary>Re-handling after a report was sent back.</summary>
    public int RehandlingDays { get; init; } = 30;
    /// <summary>Ask for review (复查) or re-review (复核): days after the answer or the review.</summary>
    public int ReviewRequestDays { get; init; } = 30;
    public int ReviewDecisionDays { get; init; } = 30;
    /// <summary>Returns a case may take before the bureau must keep it.</summary>
    public int ReturnCap { get; init; } = 2;
    public double ReminderFraction { get; init; } = 0.8;
    /// <summary>督办 if still late this many working days after 催办.</summary>
    public int SupervisionWorkingDays { get; init; } = 5;
    /// <summary>People's suggestions (§18): working days the competent department has to evaluate one.</summary>
    public int SuggestionEvaluationWorkingDays { get; init; } = 20;
    /// <summary>包案 (§12): working days between an owned case's progress notes, unless its file sets its own.</summary>
    public int OwnershipProgressWorkingDays { get; init; } = 10;

    public LadderRules Ladder => new(ReminderFraction, SupervisionWorkingDays);

    public static RuleSet InForce(IEnumerable<RuleSet> all, DateTimeOffset registeredAt)
    {
        var day = WorkingDays.DayOf(registeredAt);
        return all.Where(r => r.EffectiveFrom <= day).OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.SavedAt).FirstOrDefault()
            ?? throw new InvalidOperationException($"no rule set in force on {day}");
    }

    /// <summary>Each limit that is not a whole number of days from 1 to its ceiling, named by its field; empty when all are.</summary>
    public IReadOnlyList<(string Field, string Problem)> Problems(DateOnly today)
    {
        var problems = new List<(string, string)>();
        void Days(int value, string field, int max)
        {
            if (value < 1 || value > max) problems.Add((field, $"must be 1 to {max} days"));
        }
        if (EffectiveFrom < today) problems.Add(("effective_from", $"is before today ({today:yyyy-MM-dd}): a rule set takes effect from today or later"));
        Days(AcknowledgeWorkingDays, "acknowledge_working_days", MaxWorkingDays);
        Days(AcceptNoticeDays, "accept_notice_days", MaxDays);
        Days(ObjectionWorkingDays, "objection_working_days", MaxWorkingDays);
        Days(HandlingDays, "handling_days", MaxDays);
        Days(MaxExtensionDays, "max_extension_days", MaxDays);
        Days(RehandlingDays, "rehandling_days", MaxDays);
        Days(ReviewRequestDays, "review_request_days", MaxDays);
        Days(ReviewDecisionDays, "review_decision_days", MaxDays);
        Days(SupervisionWorkingDays, "supervision_working_days", MaxWorkingDays);
        Days(SuggestionEvaluationWorkingDays, "suggestion_evaluation_working_days", MaxWorkingDays);
        Days(OwnershipProgressWorkingDays, "ownership_progress_working_days", MaxWorkingDays);
        if (ReturnCap is < 0 or > 10) problems.Add(("return_cap", "must be 0 to 10 returns"));
        if (!(ReminderFraction is > 0 and < 1)) problems.Add(("reminder_fraction", "must be more than 0 and less than 1"));
        return problems;
    }

    public const int MaxWorkingDays = 60, MaxDays = 365;
}
