using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.JointMeeting.Domain;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Consumers;

/// <summary>A political-legal committee's request for a joint meeting on a major or difficult legal case (§15, §21).</summary>
public sealed class CommitteeMeetingRequestConsumer(InboxProcessor<JointMeetingDb> inbox, TimeProvider clock) : IConsumer<JointMeetingRequestedByCommittee>
{
    public Task Consume(ConsumeContext<JointMeetingRequestedByCommittee> context) =>
        inbox.ApplyOnceAsync(context, nameof(CommitteeMeetingRequestConsumer), async (db, ct) =>
        {
            var m = context.Message;
            if (await db.Meetings.AnyAsync(x => x.CaseId == m.CaseId && x.Status == Meeting.Proposed, ct)) return;
            var meeting = new Meeting
            {
                Id = NewId.NextSequentialGuid(), CaseId = m.CaseId, CaseNumber = m.CaseNumber, RegionCode = m.RegionCode, RegionCodes = [m.RegionCode], CaseIds = [m.CaseId],
                Reason = $"political-legal committee {m.ActorUnit}: {m.Reason}", ProposedAt = clock.GetUtcNow(),
            };
            db.Meetings.Add(meeting);
            db.Publish(new JointMeetingProposed { CaseId = meeting.CaseId, MeetingId = meeting.Id, RegionCodes = meeting.RegionCodes, OccurredAt = meeting.ProposedAt }, meeting.CaseId);
        });
}
