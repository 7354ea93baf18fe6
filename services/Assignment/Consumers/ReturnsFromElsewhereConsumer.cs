using Coordination.Assignment.Workflow;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using MassTransit;

namespace Coordination.Assignment.Consumers;

/// <summary>Cases that come back from legal diversion and joint meetings.</summary>
public sealed class ReturnsFromElsewhereConsumer(ReturnedCases returned) : IConsumer<LegalReferralConcluded>, IConsumer<JointMeetingConcluded>
{
    public Task Consume(ConsumeContext<LegalReferralConcluded> context) => returned.FromLegalDiversionAsync(context);

    public Task Consume(ConsumeContext<JointMeetingConcluded> context) => returned.FromJointMeetingAsync(context);
}
