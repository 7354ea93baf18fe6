namespace Coordination.Contracts.Assignment;

/// <summary>The wire values of major events (§11).</summary>
public static class MajorEventKinds
{
    public const string CollectiveVisit = "collective_visit", ToBeijing = "to_beijing", ToProvincialCapital = "to_provincial_capital",
        SuddenIncident = "sudden_incident";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { CollectiveVisit, ToBeijing, ToProvincialCapital, SuddenIncident };
}

/// <summary>The levels a major event's report is sent to.</summary>
public static class ReportLevels
{
    public const string County = "county", City = "city", Province = "province", Central = "central";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { County, City, Province, Central };
}

/// <summary>Where a return team goes, and how its dispatch ends.</summary>
public static class DispatchWords
{
    public const string Beijing = "beijing", ProvincialCapital = "provincial_capital";
    public const string Returned = "returned", Received = "received", NotReturned = "not_returned";

    public static readonly IReadOnlySet<string> Destinations = new HashSet<string> { Beijing, ProvincialCapital };
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string> { Returned, Received, NotReturned };
}

/// <summary>The rules that open an accountability file, and the decisions on one.</summary>
public static class AccountabilityWords
{
    public const string OverdueAfterSupervision = "overdue_after_supervision", BeijingReportLate = "beijing_report_late",
        MajorEventUnreported = "major_event_unreported";
    public const string Criticism = "criticism", CirculatedNotice = "circulated_notice", DisciplineReferral = "discipline_referral";

    public static readonly IReadOnlySet<string> Rules = new HashSet<string> { OverdueAfterSupervision, BeijingReportLate, MajorEventUnreported };
    public static readonly IReadOnlySet<string> Decisions = new HashSet<string> { Criticism, CirculatedNotice, DisciplineReferral };
}
