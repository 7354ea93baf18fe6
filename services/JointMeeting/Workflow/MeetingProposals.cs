using Coordination.Contracts.Assignment;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.JointMeeting.Domain;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Workflow;

/// <summary>
/// Proposed meetings, from Assignment (cross-region cases), a political-legal committee (major legal cases, §15,
/// §21) or the bureau itself. A case has at most one proposal waiting for the bureau; each message applies once.
/// </summary>
/// <remarks>The inbox works on this same scoped DbContext, so its transaction covers what is written here.</remarks>
public sealed class MeetingProposals(JointMeetingDb db, InboxProcessor<JointMeetingDb> inbox, TimeProvider clock)
{
    // The inbox keys under which earlier deliveries were recorded: changing them would apply those again.
    private const string AssignmentInboxKey = "JointMeetingRequestedConsumer";
    private const string CommitteeInboxKey = "CommitteeMeetingRequestConsumer";

    private DateTimeOffset Now => clock.GetUtcNow();

    public Task FromAssignmentAsync(ConsumeContext<JointMeetingRequested> context) =>
        inbox.ApplyOnceAsync(context, AssignmentInboxKey, (_, ct) =>
        {
            var m = context.Message;
            return ProposeOnceAsync(m.CaseId, m.CaseNumber, m.RegionCode, m.RegionCodes, m.Reason, ct);
        });

    public Task FromCommitteeAsync(ConsumeContext<JointMeetingRequestedByCommittee> context) =>
        inbox.ApplyOnceAsync(context, CommitteeInboxKey, (_, ct) =>
        {
            var m = context.Message;
            return ProposeOnceAsync(m.CaseId, m.CaseNumber, m.RegionCode, [m.RegionCode], $"political-legal committee {m.ActorUnit}: {m.Reason}", ct);
        });

    /// <summary>The bureau's own proposal, from one or more cases it knows by id, in its own region.</summary>
    public async Task<Meeting> ByBureauAsync(IReadOnlyList<Guid> caseIds, string reason, Caller bureau, CancellationToken ct)
    {
        bureau.Require(Roles.Bureau);
        var meeting = Meeting.Propose(NewId.NextSequentialGuid(), caseIds[0], "", bureau.Region, [bureau.Region], caseIds.Distinct(),
            $"bureau {bureau.Unit}: {reason}", Now);
        Propose(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    private async Task ProposeOnceAsync(Guid caseId, string caseNumber, string regionCode, IReadOnlyList<string> regionCodes, string reason,
        CancellationToken ct)
    {
        if (await db.Meetings.AnyAsync(x => x.CaseId == caseId && x.Status == Meeting.Proposed, ct)) return;
        Propose(Meeting.Propose(NewId.NextSequentialGuid(), caseId, caseNumber, regionCode, regionCodes, [caseId], reason, Now));
    }

    private void Propose(Meeting meeting)
    {
        db.Meetings.Add(meeting);
        db.Publish(new JointMeetingProposed { CaseId = meeting.CaseId, MeetingId = meeting.Id, RegionCodes = meeting.RegionCodes, OccurredAt = meeting.ProposedAt }, meeting.CaseId);
    }
}
