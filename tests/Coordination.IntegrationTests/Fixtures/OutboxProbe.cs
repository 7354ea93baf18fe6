using System.Collections.Concurrent;
using MassTransit;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>
/// A receive endpoint of its own on a service's bus that records the <typeparamref name="T"/> events it receives, one at a
/// time, so that the order it records is the order they were published in.
/// </summary>
public sealed class OutboxProbe<T> : IAsyncDisposable where T : class
{
    private readonly HostReceiveEndpointHandle _handle;

    public ConcurrentQueue<(Guid? MessageId, T Message)> Received { get; } = new();

    private OutboxProbe(IBus bus, string queue)
    {
        _handle = bus.ConnectReceiveEndpoint(queue, e =>
        {
            e.PrefetchCount = 1;
            e.ConcurrentMessageLimit = 1;
            e.Handler<T>(context =>
            {
                Received.Enqueue((context.MessageId, context.Message));
                return Task.CompletedTask;
            });
        });
    }

    public static async Task<OutboxProbe<T>> ConnectAsync(IBus bus, string name)
    {
        var probe = new OutboxProbe<T>(bus, $"outbox-probe-{name}-{Guid.NewGuid():N}");
        await probe._handle.Ready; // bound: from here on a publish of T is routable
        return probe;
    }

    public IReadOnlyList<T> Messages => Received.Select(r => r.Message).ToList();

    public async ValueTask DisposeAsync() => await _handle.StopAsync();
}
