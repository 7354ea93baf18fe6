using System.Collections.Concurrent;
using MassTransit;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Records every message a service's bus published (its outbox relay included), for events no service consumes yet.</summary>
public sealed class PublishProbe : IPublishObserver
{
    public ConcurrentQueue<object> Published { get; } = new();

    /// <summary>What went out, with its message id and correlation id (the outbox relay sets the case's).</summary>
    public ConcurrentQueue<(Guid? MessageId, Guid? CorrelationId, object Message)> Sent { get; } = new();

    public IEnumerable<T> Of<T>() where T : class => Published.OfType<T>();

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        Published.Enqueue(context.Message);
        Sent.Enqueue((context.MessageId, context.CorrelationId, context.Message));
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
