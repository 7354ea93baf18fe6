using Coordination.Contracts.Assignment;
using Coordination.Intake.Workflow;
using MassTransit;

namespace Coordination.Intake.Consumers;

/// <summary>Hands a people's suggestion's steps (Assignment's) to the workflow that keeps what the proposer reads (§18).</summary>
public sealed class SuggestionProgressConsumer(AssignmentProgress progress)
    : IConsumer<SuggestionPassed>, IConsumer<SuggestionEvaluated>, IConsumer<SuggestionCommended>
{
    public Task Consume(ConsumeContext<SuggestionPassed> context) => progress.RecordSuggestionPassedAsync(context);

    public Task Consume(ConsumeContext<SuggestionEvaluated> context) => progress.RecordSuggestionEvaluatedAsync(context);

    public Task Consume(ConsumeContext<SuggestionCommended> context) => progress.RecordSuggestionCommendedAsync(context);
}
