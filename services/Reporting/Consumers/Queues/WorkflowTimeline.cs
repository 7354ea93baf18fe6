using MassTransit;

namespace Coordination.Reporting.Consumers.Queues;

/// <summary>The queue of every later step of handling, legal diversion and joint meetings (reporting-workflow-timeline).</summary>
public sealed class WorkflowTimeline : ReportingQueue
{
    public override string InboxName => "WorkflowTimelineConsumer";

    public override string EndpointName(IEndpointNameFormatter formatter) => formatter.Message<WorkflowTimeline>();
}
