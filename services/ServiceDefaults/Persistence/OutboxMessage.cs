namespace Coordination.ServiceDefaults.Persistence;

/// <summary>A message committed with the state change that caused it; the relay publishes and then deletes it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public long Sequence { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    public Guid? CorrelationId { get; init; }
    /// <summary>W3C traceparent of the activity that wrote the message, so the trace continues through the relay.</summary>
    public string? TraceParent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
