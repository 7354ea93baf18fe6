namespace Coordination.ServiceDefaults.Persistence;

/// <summary>What became of one claimed outbox row in a batch.</summary>
public enum OutboxRowOutcome
{
    /// <summary>Confirmed by the broker: deleted.</summary>
    Published,
    /// <summary>Can never be published (unknown type, bad JSON, empty body): quarantined in the same transaction.</summary>
    Unreadable,
    /// <summary>Returned by the broker (mandatory publish, no queue bound yet): kept and tried again later, backing off.</summary>
    Unroutable,
    /// <summary>The broker failed (down, channel closed, no confirm): kept as it was and tried again with the next batch.</summary>
    Failed,
}
