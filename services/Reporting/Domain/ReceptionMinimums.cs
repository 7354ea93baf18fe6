namespace Coordination.Reporting.Domain;

/// <summary>Monthly minimum of reception days per leader level (seed §6), as configuration.</summary>
public sealed class ReceptionMinimums
{
    public Dictionary<string, int> PerMonth { get; set; } = new() { ["city"] = 1, ["county"] = 2, ["provincial_department"] = 2, ["township"] = 4 };
}
