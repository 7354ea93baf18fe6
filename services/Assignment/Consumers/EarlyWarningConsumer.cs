using Coordination.Assignment.Workflow;
using Coordination.Contracts.Reporting;
using MassTransit;

namespace Coordination.Assignment.Consumers;

/// <summary>Hands Reporting's early warnings to the workflow that keeps them for major events.</summary>
public sealed class EarlyWarningConsumer(EarlyWarnings warnings) : IConsumer<EarlyWarningRaised>
{
    public Task Consume(ConsumeContext<EarlyWarningRaised> context) => warnings.RecordAsync(context);
}
