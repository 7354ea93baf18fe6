using Coordination.Reporting.Consumers.Queues;
using MassTransit;

namespace Coordination.Reporting.Consumers;

/// <summary>Puts the consumer of one event type on the queue Reporting has always read that type from.</summary>
public sealed class EventConsumerDefinition<T> : ConsumerDefinition<EventConsumer<T>>, IConsumerDefinition where T : class
{
    string IConsumerDefinition.GetEndpointName(IEndpointNameFormatter formatter) => ReportingQueue.Of(typeof(T)).EndpointName(formatter);
}
