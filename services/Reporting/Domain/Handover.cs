namespace Coordination.Reporting.Domain;

/// <summary>One hand-over as the statistics see it: who routed it, to whom, when acknowledged, whether returned.</summary>
public sealed class Handover
{
    public Guid AssignmentId { get; init; }
    public Guid CaseId { get; set; }
    public string UnitCode { get; set; } = "";
    public string RoutedBy { get; set; } = "";
    public DateTimeOffset? AssignedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    /// <summary>Who signed for it in the unit: the responsible person unless the case names another.</summary>
    public string? AcknowledgedBy { get; set; }
    public bool Returned { get; set; }
}

/// <summary>A reception day that was held (seed §6–8), with the cases registered there.</summary>
public sealed class ReceptionSession
{
    public Guid ReceptionDayId { get; init; }
    public required string LeaderName { get; init; }
    public required string Level { get; init; }
    public required string RegionCode { get; init; }
    public required string Month { get; init; }
    public List<Guid> CaseIds { get; init; } = [];
}

/// <summary>Monthly minimum of reception days per leader level (seed §6), as configuration.</summary>
public sealed class ReceptionMinimums
{
    public Dictionary<string, int> PerMonth { get; set; } = new() { ["city"] = 1, ["county"] = 2, ["provincial_department"] = 2, ["township"] = 4 };
}

/// <summary>The designation rule for key-managed counties (§11): data, not code.</summary>
public sealed class KeyCountyRule
{
    public int WindowMonths { get; set; } = 12;
    public int ThresholdBatches { get; set; } = 10;
}
