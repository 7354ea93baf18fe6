using Coordination.Contracts.Assignment;
using Coordination.Intake.Workflow;
using MassTransit;

namespace Coordination.Intake.Consumers;

/// <summary>Hands Assignment's progress on a case to the workflow that keeps the petition's status and the petitioner's view.</summary>
public sealed class AssignmentProgressConsumer(AssignmentProgress progress)
    : IConsumer<CaseAssigned>, IConsumer<AssignmentAcknowledged>, IConsumer<AssignmentAccepted>, IConsumer<AssignmentReturned>,
        IConsumer<ReplySubmitted>, IConsumer<SatisfactionRated>, IConsumer<ReviewRequested>, IConsumer<ReviewDecided>,
        IConsumer<PetitionerRequestRefused>, IConsumer<CaseClosed>
{
    public Task Consume(ConsumeContext<CaseAssigned> context) => progress.RecordAssignmentAsync(context);

    public Task Consume(ConsumeContext<AssignmentAcknowledged> context) => progress.RecordAcknowledgementAsync(context);

    public Task Consume(ConsumeContext<AssignmentAccepted> context) => progress.RecordAcceptanceAsync(context);

    public Task Consume(ConsumeContext<AssignmentReturned> context) => progress.RecordReturnAsync(context);

    public Task Consume(ConsumeContext<ReplySubmitted> context) => progress.RecordReplyAsync(context);

    public Task Consume(ConsumeContext<SatisfactionRated> context) => progress.RecordRatingAsync(context);

    public Task Consume(ConsumeContext<ReviewRequested> context) => progress.RecordReviewRequestAsync(context);

    public Task Consume(ConsumeContext<ReviewDecided> context) => progress.RecordReviewDecisionAsync(context);

    public Task Consume(ConsumeContext<PetitionerRequestRefused> context) => progress.RecordRefusalAsync(context);

    public Task Consume(ConsumeContext<CaseClosed> context) => progress.RecordClosureAsync(context);
}
