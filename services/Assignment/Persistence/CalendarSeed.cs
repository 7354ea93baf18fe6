using Coordination.Assignment.Domain;

namespace Coordination.Assignment.Persistence;

/// <summary>The first rule set and holiday calendar, shipped as migration data; later ones are added as rows.</summary>
public static class CalendarSeed
{
    public static readonly RuleSet[] RuleSets = [new() { Version = "2026.1", EffectiveFrom = new DateOnly(2000, 1, 1) }];

    public static readonly Holiday[] Holidays =
    [
        new() { Date = new DateOnly(2026, 10, 1), Name = "国庆节" }, new() { Date = new DateOnly(2026, 10, 2), Name = "国庆节" },
        new() { Date = new DateOnly(2026, 10, 5), Name = "国庆节" }, new() { Date = new DateOnly(2026, 10, 6), Name = "国庆节" },
        new() { Date = new DateOnly(2026, 10, 7), Name = "国庆节" }, new() { Date = new DateOnly(2027, 1, 1), Name = "元旦" },
        new() { Date = new DateOnly(2027, 2, 5), Name = "春节" }, new() { Date = new DateOnly(2027, 2, 8), Name = "春节" },
        new() { Date = new DateOnly(2027, 2, 9), Name = "春节" }, new() { Date = new DateOnly(2027, 2, 10), Name = "春节" },
        new() { Date = new DateOnly(2027, 2, 11), Name = "春节" },
    ];
}
