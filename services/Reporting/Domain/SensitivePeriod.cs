namespace Coordination.Reporting.Domain;

/// <summary>A named stretch of days (inclusive, Nanjing dates) for the regions under a prefix (empty: everywhere).</summary>
public sealed class SensitivePeriod
{
    public string Name { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string RegionPrefix { get; set; } = "";
}
