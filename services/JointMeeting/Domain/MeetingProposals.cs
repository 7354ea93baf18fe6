using Coordination.Contracts.JointMeeting;
using Coordination.JointMeeting.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Domain;

/// <summary>Records a proposed meeting for a case, once: a case has at most one proposal waiting for the bureau.</summary>
public static class MeetingProposals
{
    public static async Task ProposeAsync(JointMeetingDb db, Guid caseId, string caseNumber, string regionCode, IReadOnlyList<string> regionCodes,
        string reason, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Meetings.AnyAsync(x => x.CaseId == caseId && x.Status == Meeting.Proposed, ct)) return;
        var meeting = new Meeting
        {
            Id = NewId.NextSequentialGuid(), CaseId = caseId, CaseNumber = caseNumber, RegionCode = regionCode, RegionCodes = [.. regionCodes],
            CaseIds = [caseId], Reason = reason, ProposedAt = now,
        };
        db.Meetings.Add(meeting);
        db.Publish(new JointMeetingProposed { CaseId = caseId, MeetingId = meeting.Id, RegionCodes = meeting.RegionCodes, OccurredAt = now }, caseId);
    }
}
