using Coordination.Contracts.LegalDiversion;
using Coordination.JointMeeting.Workflow;
using MassTransit;

namespace Coordination.JointMeeting.Consumers;

/// <summary>A political-legal committee's request for a joint meeting on a major or difficult legal case (§15, §21).</summary>
public sealed class CommitteeMeetingRequestConsumer(MeetingProposals proposals) : IConsumer<JointMeetingRequestedByCommittee>
{
    public Task Consume(ConsumeContext<JointMeetingRequestedByCommittee> context) => proposals.FromCommitteeAsync(context);
}
