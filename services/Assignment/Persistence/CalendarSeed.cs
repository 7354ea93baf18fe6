using Coordination.Assignment.Domain;

namespace Coordination.Assignment.Persistence;

/// <summary>The first rule set, shipped as migration data; later ones are saved by an administrator (SaveRuleSet).</summary>
public static class CalendarSeed
{
    public static readonly RuleSet[] RuleSets =
        [new() { Version = "2026.1", EffectiveFrom = new DateOnly(2000, 1, 1), SavedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), SavedBy = "seed" }];
}
