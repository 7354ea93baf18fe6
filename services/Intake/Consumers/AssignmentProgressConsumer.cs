using Coordination.Contracts.Assignment;
using Coordination.Intake.Workflow;
using MassTransit;

namespace Coordination.Intake.Consumers;

/// <summary>Hands Assignment's progress on a case to the workflow that keeps the petition's status.</summary>
public sealed class AssignmentProgressConsumer(AssignmentProgress progress)
    : IConsumer<CaseAssigned>, IConsumer<AssignmentAcknowledged>, IConsumer<AssignmentReturned>, IConsumer<CaseClosed>
{
    public Task Consume(ConsumeContext<CaseAssigned> context) => progress.RecordAssignmentAsync(context);

    public Task Consume(ConsumeContext<AssignmentAcknowledged> context) => progress.RecordAcknowledgementAsync(context);

    public Task Consume(ConsumeContext<AssignmentReturned> context) => progress.RecordReturnAsync(context);

    public Task Consume(ConsumeContext<CaseClosed> context) => progress.RecordClosureAsync(context);
}
