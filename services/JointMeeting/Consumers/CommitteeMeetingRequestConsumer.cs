using Coordination.Contracts.LegalDiversion;
using Coordination.JointMeeting.Domain;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;

namespace Coordination.JointMeeting.Consumers;

/// <summary>A political-legal committee's request for a joint meeting on a major or difficult legal case (§15, §21).</summary>
public sealed class CommitteeMeetingRequestConsumer(InboxProcessor<JointMeetingDb> inbox, TimeProvider clock) : IConsumer<JointMeetingRequestedByCommittee>
{
    public Task Consume(ConsumeContext<JointMeetingRequestedByCommittee> context) =>
        inbox.ApplyOnceAsync(context, nameof(CommitteeMeetingRequestConsumer), (db, ct) =>
        {
            var m = context.Message;
            return MeetingProposals.ProposeAsync(db, m.CaseId, m.CaseNumber, m.RegionCode, [m.RegionCode],
                $"political-legal committee {m.ActorUnit}: {m.Reason}", clock.GetUtcNow(), ct);
        });
}
