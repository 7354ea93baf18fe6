using System.Collections.Concurrent;
using MassTransit;

namespace Coordination.ServiceDefaults.Health;

/// <summary>
/// The queues this instance consumes from, as the bus started them: precisely this service's queues (and so its _error
/// queues), whatever prefix it runs with, and never another service's sharing the virtual host.
/// </summary>
public sealed class ReceiveQueues : IReceiveEndpointObserver
{
    private readonly ConcurrentDictionary<string, bool> _names = new();

    public IReadOnlyCollection<string> Names => [.. _names.Keys.Order(StringComparer.Ordinal)];

    public Task Ready(ReceiveEndpointReady ready)
    {
        // rabbitmq://host/vhost/queue?options: the queue is the last path segment.
        var queue = Uri.UnescapeDataString(ready.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "");
        if (queue.Length > 0) _names.TryAdd(queue, true);
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
