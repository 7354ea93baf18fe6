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
