using MassTransit;

namespace Coordination.Reporting.Consumers.Queues;

/// <summary>The queue of reception days, which concern no one case (reporting-reception-day).</summary>
public sealed class ReceptionDay : ReportingQueue
{
    public override string InboxName => "ReceptionDayConsumer";

    public override string EndpointName(IEndpointNameFormatter formatter) => formatter.Message<ReceptionDay>();
}
