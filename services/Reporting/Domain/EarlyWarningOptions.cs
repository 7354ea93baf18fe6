namespace Coordination.Reporting.Domain;

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
