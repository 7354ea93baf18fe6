using Coordination.ServiceDefaults.Time;

namespace Coordination.Assignment.Domain;

/// <summary>
/// The time limits in force (DOMAIN.md, time limits) as a versioned row: a case keeps the rule set that was in
/// force at its registration, whatever is added later.
/// </summary>
public sealed class RuleSet
{
    public required string Version { get; init; }
    public DateOnly EffectiveFrom { get; init; }
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

    public LadderRules Ladder => new(ReminderFraction, SupervisionWorkingDays);

    public static RuleSet InForce(IEnumerable<RuleSet> all, DateTimeOffset registeredAt)
    {
        var day = WorkingDays.DayOf(registeredAt);
        return all.Where(r => r.EffectiveFrom <= day).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault()
            ?? throw new InvalidOperationException($"no rule set in force on {day}");
    }
}
