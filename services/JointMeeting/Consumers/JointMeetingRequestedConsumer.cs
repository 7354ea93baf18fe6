using Coordination.Contracts.Assignment;
using Coordination.JointMeeting.Workflow;
using MassTransit;

namespace Coordination.JointMeeting.Consumers;

/// <summary>Records a proposed meeting for a case that Assignment sent to a joint meeting (one open per case).</summary>
public sealed class JointMeetingRequestedConsumer(MeetingProposals proposals) : IConsumer<JointMeetingRequested>
{
    public Task Consume(ConsumeContext<JointMeetingRequested> context) => proposals.FromAssignmentAsync(context);
}
