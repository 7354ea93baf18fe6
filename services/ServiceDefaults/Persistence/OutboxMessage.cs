namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// A message committed with the state change that caused it; the relay publishes and then deletes it. A row that can
/// never be published (unknown type, unreadable body, unroutable for too long) is quarantined instead: it stays, with
/// its reason, out of the relay's way until an operator releases it (<see cref="OutboxQuarantine"/>).
/// </summary>
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
    /// <summary>Set when the relay gave up on the row; the relay skips it, and the later rows of its case, until released.</summary>
    public DateTimeOffset? QuarantinedAt { get; init; }
    public string? QuarantineReason { get; init; }
    /// <summary>How often the broker returned the row as unroutable (no queue bound yet).</summary>
    public int Attempts { get; init; }
    /// <summary>When the broker first returned the row; after Outbox:UnroutableQuarantineAfter it is quarantined.</summary>
    public DateTimeOffset? UnroutableSince { get; init; }
    /// <summary>An unroutable row is not tried again before this instant (backing off), so the relay does not spin on it.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}
