using Coordination.Assignment.Workflow;
using Coordination.Contracts.Intake;
using MassTransit;

namespace Coordination.Assignment.Consumers;

/// <summary>Opens the handling of a newly registered case and routes it.</summary>
public sealed class PetitionRegisteredConsumer(CaseOpening opening) : IConsumer<PetitionRegistered>
{
    public Task Consume(ConsumeContext<PetitionRegistered> context) => opening.OpenAsync(context);
}
