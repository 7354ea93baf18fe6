namespace Coordination.ServiceDefaults.Messaging;

/// <summary>RabbitMq:Redelivery: how long a message that failed its quick retries waits before each further try.</summary>
public sealed class DelayedRedeliveryOptions
{
    public static readonly IReadOnlyList<TimeSpan> DefaultIntervals =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
    ];

    /// <summary>
    /// RabbitMq:Redelivery:Intervals:0..n (e.g. "00:00:05"). Null until configured: the binder appends configured
    /// items to a collection that already holds defaults, so the defaults are applied in <see cref="Validated"/>.
    /// </summary>
    public TimeSpan[]? Intervals { get; set; }

    /// <summary>The intervals in force; refuses values RabbitMQ cannot take as a queue's x-message-ttl.</summary>
    public IReadOnlyList<TimeSpan> Validated()
    {
        var intervals = Intervals is { Length: > 0 } configured ? configured : DefaultIntervals;
        foreach (var interval in intervals)
            if (interval < TimeSpan.FromMilliseconds(1) || interval.TotalMilliseconds > int.MaxValue)
                throw new InvalidOperationException($"RabbitMq:Redelivery:Intervals: {interval} is not between 1 ms and 24 days");
        return intervals;
    }
}
