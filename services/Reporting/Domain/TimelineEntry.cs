namespace Coordination.Reporting.Domain;

/// <summary>One event in a case's history, as any service published it.</summary>
public sealed class TimelineEntry
{
    public long Id { get; init; }
    public Guid CaseId { get; init; }
    public Guid MessageId { get; init; }
    public required string Kind { get; init; }
    public required string Service { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string Actor { get; init; } = "";
    public string Unit { get; init; } = "";
    public string Detail { get; init; } = "";
}
