using Coordination.Contracts.Assignment;
using Coordination.JointMeeting.Domain;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;

namespace Coordination.JointMeeting.Consumers;

/// <summary>Records a proposed meeting for a case that Assignment sent to a joint meeting (one open per case).</summary>
public sealed class JointMeetingRequestedConsumer(InboxProcessor<JointMeetingDb> inbox, TimeProvider clock) : IConsumer<JointMeetingRequested>
{
    public Task Consume(ConsumeContext<JointMeetingRequested> context) =>
        inbox.ApplyOnceAsync(context, nameof(JointMeetingRequestedConsumer), (db, ct) =>
        {
            var m = context.Message;
            return MeetingProposals.ProposeAsync(db, m.CaseId, m.CaseNumber, m.RegionCode, m.RegionCodes, m.Reason, clock.GetUtcNow(), ct);
        });
}
