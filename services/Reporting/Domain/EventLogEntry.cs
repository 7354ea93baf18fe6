namespace Coordination.Reporting.Domain;

/// <summary>Every consumed event as it arrived: the read models are rebuilt from here.</summary>
public sealed class EventLogEntry
{
    public Guid MessageId { get; init; }
    public required string MessageType { get; init; }
    public Guid CaseId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Body { get; init; }
}
