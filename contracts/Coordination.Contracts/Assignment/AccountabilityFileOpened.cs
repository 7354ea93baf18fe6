namespace Coordination.Contracts.Assignment;

/// <summary>
/// An accountability file (责任追究, §5, §9) opened by a rule held as data, naming the unit and person responsible and
/// the evidence from the events.
/// </summary>
public sealed record AccountabilityFileOpened
{
    public required Guid FileId { get; init; }
    public required Guid CaseId { get; init; }
    /// <summary>AccountabilityRuleKinds: overdue_after_supervision, beijing_report_late, major_event_unreported.</summary>
    public required string Rule { get; init; }
    public required string RegionCode { get; init; }
    public required string Unit { get; init; }
    /// <summary>The person responsible: the §9 record's direct responsible person, whoever signed for it, or the reporter; empty if nobody.</summary>
    public required string Person { get; init; }
    public required IReadOnlyList<string> Evidence { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
