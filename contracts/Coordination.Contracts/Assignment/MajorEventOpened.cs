namespace Coordination.Contracts.Assignment;

/// <summary>
/// A major event (重大紧急信访事项, §11) opened by the bureau, on its own or from an early warning: the first report is due
/// within hours.
/// </summary>
public sealed record MajorEventOpened
{
    public required Guid MajorEventId { get; init; }
    public required Guid CaseId { get; init; }
    /// <summary>MajorEventKinds: collective_visit, to_beijing, to_provincial_capital, sudden_incident.</summary>
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>The bureau that must report it.</summary>
    public required string Unit { get; init; }
    public Guid? EarlyWarningId { get; init; }
    public required DateTimeOffset FirstReportDueAt { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
