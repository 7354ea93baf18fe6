namespace Coordination.Reporting.Domain;

/// <summary>The designation rule for key-managed counties (§11): data, not code.</summary>
public sealed class KeyCountyRule
{
    public int WindowMonths { get; set; } = 12;
    public int ThresholdBatches { get; set; } = 10;
}
