using System.Collections.Concurrent;
using MassTransit;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Records every message a service's bus finished consuming (or faulted on), by message id.</summary>
public sealed class ConsumeProbe : IConsumeObserver
{
    private readonly ConcurrentQueue<(Guid? MessageId, Type Type, bool Faulted)> _seen = new();

    public int Consumed(Guid messageId) => _seen.Count(s => s.MessageId == messageId && !s.Faulted);
    public int Faulted(Guid messageId) => _seen.Count(s => s.MessageId == messageId && s.Faulted);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _seen.Enqueue((context.MessageId, typeof(T), false));
        return Task.CompletedTask;
    }

    public ConcurrentQueue<string> Errors { get; } = new();

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        Errors.Enqueue($"{typeof(T).Name}: {exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message}");
        _seen.Enqueue((context.MessageId, typeof(T), true));
        return Task.CompletedTask;
    }
}
