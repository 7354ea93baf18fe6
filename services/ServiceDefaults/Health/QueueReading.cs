namespace Coordination.ServiceDefaults.Health;

/// <summary>
/// One of this service's receive queues: messages waiting to be consumed (the consumer's lag) and messages parked in its
/// _error queue, with when the oldest of them was parked (null when none is, or when it could not be told).
/// </summary>
public sealed record QueueReading(string Queue, long Ready, long Parked, DateTimeOffset? OldestParkedAt)
{
    public string ErrorQueue => Queue + "_error";
}
