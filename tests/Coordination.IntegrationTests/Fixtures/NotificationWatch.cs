using System.Collections.Concurrent;
using Coordination.Grpc.Reporting;
using Grpc.Core;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>An open notification stream read in the background: what arrived, and when.</summary>
public sealed class NotificationWatch
{
    private readonly AsyncServerStreamingCall<WatchNotificationsResponse> _call;
    private readonly ConcurrentQueue<(WatchNotificationsResponse Notification, DateTimeOffset At)> _received = new();
    private readonly Task _reading;

    public NotificationWatch(AsyncServerStreamingCall<WatchNotificationsResponse> call, CancellationToken stop)
    {
        _call = call;
        _reading = Task.Run(async () =>
        {
            try
            {
                while (await call.ResponseStream.MoveNext(stop)) _received.Enqueue((call.ResponseStream.Current, DateTimeOffset.UtcNow));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled) { }
            catch (OperationCanceledException) { }
        }, CancellationToken.None);
    }

    public IReadOnlyList<(WatchNotificationsResponse Notification, DateTimeOffset At)> Received => [.. _received];

    /// <summary>Completes when the service has opened the stream (its response headers): what happens from then on reaches it.</summary>
    public Task Opened => _call.ResponseHeadersAsync;

    /// <summary>The first notification that matches, with when it arrived; fails at the stop token or if the stream ends.</summary>
    public async Task<(Notification Notification, DateTimeOffset At)> FirstAsync(Func<Notification, bool> match, CancellationToken stop)
    {
        while (true)
        {
            if (_received.FirstOrDefault(r => match(r.Notification.Notification)) is { Notification: not null } hit) return (hit.Notification.Notification, hit.At);
            if (_reading.IsCompleted)
            {
                await _reading; // surfaces the stream's error
                throw new InvalidOperationException("the notification stream ended before the notification arrived");
            }
            await Task.Delay(20, stop);
        }
    }
}
