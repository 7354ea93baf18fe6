namespace Coordination.ServiceDefaults.Health;

/// <summary>Unsent outbox rows (counted up to a cap), when the oldest of them was written, and how many are quarantined.</summary>
public sealed record OutboxBacklog(long Rows, DateTimeOffset? OldestWrittenAt, long Quarantined = 0)
{
    public TimeSpan AgeAt(DateTimeOffset now) => OldestWrittenAt is { } oldest && now > oldest ? now - oldest : TimeSpan.Zero;
}
