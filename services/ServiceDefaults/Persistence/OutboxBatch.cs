namespace Coordination.ServiceDefaults.Persistence;

/// <summary>What one relay batch did; rows neither published nor failed were held back to keep their case's order.</summary>
public sealed record OutboxBatch(int Claimed, int Published, int Quarantined, int Deferred, int Failed, Exception? FirstError)
{
    public static readonly OutboxBatch Empty = new(0, 0, 0, 0, 0, null);

    /// <summary>Rows the batch settled one way or another; fewer than a full batch means the outbox is drained for now.</summary>
    public int Settled => Published + Quarantined + Deferred;
}
