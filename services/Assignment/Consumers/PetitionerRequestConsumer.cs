using Coordination.Assignment.Workflow;
using Coordination.Contracts.Intake;
using MassTransit;

namespace Coordination.Assignment.Consumers;

/// <summary>Hands the petitioner's own rating and review requests (from Intake's self-service) to the workflow.</summary>
public sealed class PetitionerRequestConsumer(PetitionerRequests requests) : IConsumer<PetitionerRatedReply>, IConsumer<PetitionerRequestedReview>
{
    public Task Consume(ConsumeContext<PetitionerRatedReply> context) => requests.RateAsync(context);

    public Task Consume(ConsumeContext<PetitionerRequestedReview> context) => requests.RequestReviewAsync(context);
}
