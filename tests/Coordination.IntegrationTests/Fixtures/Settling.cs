using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>
/// A probe for "nothing more about these cases can still arrive", to wait on instead of sleeping after the expected
/// events arrived (a doubled event would come after them). Watching from before the action, it waits until the
/// producers' outboxes hold no row of the cases — whatever they committed about them went out: the relay deletes a row
/// only after the broker confirmed it, and its publish observers saw it before — and until each message of the given
/// types they published about the cases was consumed by one of the consumers (their folds committed). An event doubled
/// by the action (it is committed by the time the action returns) is then among those consumed, or was never made.
/// </summary>
public sealed class Settling : IDisposable
{
    private readonly IReadOnlyList<ServiceInstance> _producers;
    private readonly PublishProbe _published = new();
    private readonly ConsumeProbe _consumed = new();
    private readonly List<ConnectHandle> _handles = [];

    public Settling(IEnumerable<ServiceInstance> producers, IEnumerable<ServiceInstance> consumers)
    {
        _producers = [.. producers];
        foreach (var producer in _producers) _handles.Add(Bus(producer).ConnectPublishObserver(_published));
        foreach (var consumer in consumers) _handles.Add(Bus(consumer).ConnectConsumeObserver(_consumed));
    }

    public async Task UntilSettledAsync(IReadOnlyCollection<Guid> cases, params Type[] types)
    {
        var ids = cases.ToArray();
        // Replicas share their service's database: each outbox once.
        foreach (var outbox in _producers.DistinctBy(p => p.ConnectionString))
            await Eventually.UntilAsync(() => outbox.CountAsync("SELECT count(*) FROM outbox_messages WHERE correlation_id = ANY($1)", ids),
                n => n == 0, $"{outbox.Name}'s outbox to hold nothing of the cases");
        var sent = _published.Sent
            .Where(s => s.CorrelationId is { } c && ids.Contains(c) && types.Contains(s.Message.GetType()) && s.MessageId is not null)
            .Select(s => s.MessageId!.Value).ToList();
        await Eventually.UntilAsync(() => Task.FromResult(sent.Count(id => _consumed.Consumed(id) == 0)), n => n == 0,
            $"the {sent.Count} messages published about the cases to be consumed");
    }

    private static IBus Bus(ServiceInstance service) => service.App.Services.GetRequiredService<IBus>();

    public void Dispose()
    {
        foreach (var handle in _handles) handle.Dispose();
    }
}
