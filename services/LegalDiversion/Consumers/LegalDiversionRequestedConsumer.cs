using Coordination.Contracts.Assignment;
using Coordination.LegalDiversion.Workflow;
using MassTransit;

namespace Coordination.LegalDiversion.Consumers;

/// <summary>Turns Assignment's diversion request into an open referral (one per case).</summary>
public sealed class LegalDiversionRequestedConsumer(ReferralOpening opening) : IConsumer<LegalDiversionRequested>
{
    public Task Consume(ConsumeContext<LegalDiversionRequested> context) => opening.OpenAsync(context);
}
