using Coordination.Contracts.Intake;
using MassTransit;

namespace Coordination.Reporting.Consumers.Queues;

/// <summary>
/// A queue Reporting reads. Each was once read by a consumer class of its own name; the queues, their bindings and the
/// names the inbox records messages under are kept, so that an upgrade strands no message and applies none twice.
/// Every event type has one queue; a new one goes to the workflow timeline's.
/// </summary>
public abstract class ReportingQueue
{
    private static readonly ReportingQueue TimelineQueue = new Timeline(), WorkflowTimelineQueue = new WorkflowTimeline(),
        ReceptionDayQueue = new ReceptionDay();

    /// <summary>The consumer name the inbox records this queue's messages under.</summary>
    public abstract string InboxName { get; }

    /// <summary>
    /// The queue's name as the bus names it (service prefix, kebab case): formatted from a type named as the old consumer
    /// class was, less its "Consumer", which gives the same name the bus gave that class.
    /// </summary>
    public abstract string EndpointName(IEndpointNameFormatter formatter);

    public static ReportingQueue Of(Type eventType) =>
        eventType == typeof(ReceptionDayHeld) ? ReceptionDayQueue
        : Timeline.Events.Contains(eventType) ? TimelineQueue
        : WorkflowTimelineQueue;
}
