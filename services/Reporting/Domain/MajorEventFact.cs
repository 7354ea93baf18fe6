namespace Coordination.Reporting.Domain;

/// <summary>
/// A major event (§11) as the report counts it: folded from Assignment's events, which may arrive in any order, so a
/// later event may create the row before MajorEventOpened fills in its kind, region and month.
/// </summary>
public sealed class MajorEventFact
{
    public Guid MajorEventId { get; init; }
    public Guid CaseId { get; set; }
    public string Kind { get; set; } = "";
    public string RegionCode { get; set; } = "";
    /// <summary>The Nanjing month it was opened in (yyyy-MM).</summary>
    public string Month { get; set; } = "";
    public DateTimeOffset? FirstReportDueAt { get; set; }
    public DateTimeOffset? FirstReportedAt { get; set; }
    public bool ReportedLate { get; set; }
    /// <summary>The highest follow-up (续报) seen: reports carry their sequence, so the order of arrival does not matter.</summary>
    public int FollowUps { get; set; }
    public int Dispatches { get; set; }
    public int DispatchesReturned { get; set; }
    public int DispatchesNotReturned { get; set; }
    public int PetitionersReturned { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
