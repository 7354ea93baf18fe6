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
}
