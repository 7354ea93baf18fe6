using StackExchange.Redis;

namespace Coordination.Reporting.Persistence;

/// <summary>
/// Wakes every replica's notification streams when a notification is recorded (ADR 24): a Redis pub/sub channel per
/// database, rung after the fold commits, plus the local replica directly. It only says "look again": the streams read
/// the notifications table, and poll it anyway every <see cref="PollInterval"/>, so Redis being down or a lost wake-up
/// only makes a notice later, never lost.
/// </summary>
public sealed class NotificationSignal(IConnectionMultiplexer redis, IConfiguration configuration, ILogger<NotificationSignal> log)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly RedisChannel _channel = RedisChannel.Literal($"coordination:notifications:{configuration["Database:Name"] ?? "coordination_reporting"}");
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _subscribed;

    /// <summary>Completes at the next ring, from this replica or another.</summary>
    public Task NextAsync()
    {
        if (Interlocked.CompareExchange(ref _subscribed, 1, 0) == 0) _ = SubscribeAsync();
        return Volatile.Read(ref _next).Task;
    }

    public async Task RingAsync()
    {
        Wake();
        try
        {
            await redis.GetSubscriber().PublishAsync(_channel, "recorded");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            log.LogWarning(ex, "notification wake-up not sent through Redis; other replicas' streams see it at their next poll");
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            // StackExchange.Redis subscribes again by itself after a reconnect.
            await redis.GetSubscriber().SubscribeAsync(_channel, (_, _) => Wake());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            log.LogWarning(ex, "notification wake-ups not received from Redis; streams poll every {Interval}", PollInterval);
            Volatile.Write(ref _subscribed, 0); // the next stream to wait tries again
        }
    }

    private void Wake() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
