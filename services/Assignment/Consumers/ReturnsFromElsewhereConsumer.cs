using Coordination.Assignment.Workflow;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using MassTransit;

namespace Coordination.Assignment.Consumers;

/// <summary>
/// Cases that come back from legal diversion and joint meetings, and the meetings proposed for them (on the same queue, so a
/// meeting's proposal is noted before its conclusion arrives).
/// </summary>
public sealed class ReturnsFromElsewhereConsumer(ReturnedCases returned)
    : IConsumer<LegalReferralConcluded>, IConsumer<JointMeetingConcluded>, IConsumer<JointMeetingProposed>
{
    public Task Consume(ConsumeContext<JointMeetingProposed> context) => returned.MeetingProposedAsync(context);

    public Task Consume(ConsumeContext<LegalReferralConcluded> context) => returned.FromLegalDiversionAsync(context);

    public Task Consume(ConsumeContext<JointMeetingConcluded> context) => returned.FromJointMeetingAsync(context);
}
