namespace Coordination.ServiceDefaults.Health;

/// <summary>Unsent outbox rows (counted up to a cap) and when the oldest of them was written.</summary>
public sealed record OutboxBacklog(long Rows, DateTimeOffset? OldestWrittenAt)
{
    public TimeSpan AgeAt(DateTimeOffset now) => OldestWrittenAt is { } oldest && now > oldest ? now - oldest : TimeSpan.Zero;
}
