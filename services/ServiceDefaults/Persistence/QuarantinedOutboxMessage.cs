namespace Coordination.ServiceDefaults.Persistence;

/// <summary>A quarantined outbox row as an operator sees it: why it stopped, and how many later rows of its case wait behind it.</summary>
public sealed record QuarantinedOutboxMessage(
    Guid Id,
    long Sequence,
    string MessageType,
    Guid? CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset QuarantinedAt,
    string Reason,
    int Attempts,
    int Waiting);
