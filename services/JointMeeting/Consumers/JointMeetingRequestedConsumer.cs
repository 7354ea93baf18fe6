using Coordination.Contracts.Assignment;
using Coordination.Contracts.JointMeeting;
using Coordination.JointMeeting.Domain;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Consumers;

/// <summary>Records a proposed meeting for a case that Assignment sent to a joint meeting (one open per case).</summary>
public sealed class JointMeetingRequestedConsumer(InboxProcessor<JointMeetingDb> inbox, TimeProvider clock) : IConsumer<JointMeetingRequested>
{
    public Task Consume(ConsumeContext<JointMeetingRequested> context) =>
        inbox.ApplyOnceAsync(context, nameof(JointMeetingRequestedConsumer), async (db, ct) =>
        {
            var m = context.Message;
            if (await db.Meetings.AnyAsync(x => x.CaseId == m.CaseId && x.Status == Meeting.Proposed, ct)) return;
            var meeting = new Meeting
            {
                Id = NewId.NextSequentialGuid(), CaseId = m.CaseId, CaseNumber = m.CaseNumber, RegionCode = m.RegionCode,
                RegionCodes = [.. m.RegionCodes], CaseIds = [m.CaseId], Reason = m.Reason, ProposedAt = clock.GetUtcNow(),
            };
            db.Meetings.Add(meeting);
            db.Publish(new JointMeetingProposed
            {
                CaseId = meeting.CaseId, MeetingId = meeting.Id, RegionCodes = meeting.RegionCodes, OccurredAt = meeting.ProposedAt,
            }, meeting.CaseId);
        });
}
