using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Context;

namespace Coordination.ServiceDefaults.Messaging;

/// <summary>
/// Holds back a delivery's fault notifications until <see cref="DelayedRedeliveryFilter"/> knows its fate, as
/// MassTransit's own redelivery does: a message parked in the error queue is reported as faulted (a Fault&lt;T&gt;
/// is published, observers hear of it), one sent round again is reported as consumed, so that neither a
/// Fault&lt;T&gt; per round goes out nor the receive pipe takes the message for unhandled and moves it to _skipped.
/// </summary>
internal sealed class DeferredFaultsConsumeContext(ConsumeContext context) : ConsumeContextScope(context)
{
    private const string RedeliveredBy = "delayed-redelivery";
    private readonly ConcurrentQueue<Func<bool, Task>> _pending = new();

    public bool HasPendingFaults => !_pending.IsEmpty;

    public override Task NotifyFaulted<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
    {
        _pending.Enqueue(faulted => faulted
            ? base.NotifyFaulted(context, duration, consumerType, exception)
            : base.NotifyConsumed(context, duration, RedeliveredBy));
        return Task.CompletedTask;
    }

    /// <summary>Reports the held-back faults as faults (parked) or as consumed (sent round again).</summary>
    public async Task ReleaseAsync(bool faulted)
    {
        while (_pending.TryDequeue(out var notify)) await notify(faulted);
    }
}
