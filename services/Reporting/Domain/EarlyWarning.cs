namespace Coordination.Reporting.Domain;

/// <summary>A raised early warning with its evidence; one per kind, subject and period.</summary>
public sealed class EarlyWarning
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string RegionCode { get; init; }
    public required string Subject { get; init; }
    /// <summary>The day (yyyy-MM-dd) or month (yyyy-MM) it is about: one warning per kind, subject and period.</summary>
    public required string Period { get; init; }
    public required string Evidence { get; init; }
    public Guid? CaseId { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
}

/// <summary>Early-warning thresholds (Reporting__EarlyWarning__*): data, not code.</summary>
public sealed class EarlyWarningOptions
{
    public int BaselineDays { get; set; } = 28;
    /// <summary>A day is a spike at this multiple of the baseline's daily mean...</summary>
    public double SpikeFactor { get; set; } = 3.0;
    /// <summary>...and at least this many petitions, so that quiet places do not raise on noise.</summary>
    public int SpikeMinimum { get; set; } = 5;
    public int CollectiveRiskPeople { get; set; } = 20;
    public int BeijingMonthlyThreshold { get; set; } = 3;
    /// <summary>Sensitive periods (敏感时期, §13): major meetings, anniversaries, holidays. Inside one, spikes are judged on lower
    /// thresholds, and every collective visit and every petition to Beijing is itself a warning.</summary>
    public List<SensitivePeriod> SensitivePeriods { get; set; } = [];
    public double SensitiveSpikeFactor { get; set; } = 2.0;
    public int SensitiveSpikeMinimum { get; set; } = 3;

    /// <summary>The sensitive period covering a region on a Nanjing day, if any.</summary>
    public SensitivePeriod? SensitivePeriodAt(string regionCode, DateOnly day) =>
        SensitivePeriods.FirstOrDefault(p => p.From <= day && day <= p.To && regionCode.StartsWith(p.RegionPrefix));
}

/// <summary>A named stretch of days (inclusive, Nanjing dates) for the regions under a prefix (empty: everywhere).</summary>
public sealed class SensitivePeriod
{
    public string Name { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string RegionPrefix { get; set; } = "";
}
