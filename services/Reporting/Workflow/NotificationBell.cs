using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;

namespace Coordination.Reporting.Workflow;

/// <summary>After a batch with an event that records a notification committed: wake the streams of every replica, once (ADR 24).</summary>
public sealed class NotificationBell(NotificationSignal signal) : IAfterCommit
{
    public IReadOnlySet<Type> Follows => NotificationRules.Events;

    public Task RunAsync(IReadOnlyList<EventEnvelope> events, CancellationToken ct) => signal.RingAsync();
}
