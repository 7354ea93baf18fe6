using Coordination.Reporting.Workflow;
using MassTransit;

namespace Coordination.Reporting.Consumers;

public static class EventConsumers
{
    /// <summary>One consumer for each event type some read model folds, each on its type's queue (EventConsumerDefinition).</summary>
    public static void AddEventConsumers(this IBusRegistrationConfigurator x, ReadModels readModels)
    {
        foreach (var type in readModels.EventTypes)
            x.AddConsumer(typeof(EventConsumer<>).MakeGenericType(type), typeof(EventConsumerDefinition<>).MakeGenericType(type));
    }
}
