using Coordination.Reporting.Consumers.Queues;
using Coordination.Reporting.Workflow;
using MassTransit;

namespace Coordination.Reporting.Consumers;

/// <summary>Hands one event that some read model folds to the projection pipeline, under its queue's inbox name.</summary>
public sealed class EventConsumer<T>(ProjectionPipeline pipeline) : IConsumer<T> where T : class
{
    private static readonly string Inbox = ReportingQueue.Of(typeof(T)).InboxName;

    public Task Consume(ConsumeContext<T> context) => pipeline.FoldAsync(context, Inbox);
}
