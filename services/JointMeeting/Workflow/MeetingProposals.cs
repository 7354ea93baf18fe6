using Coordination.Contracts.Assignment;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.JointMeeting.Domain;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Coordination.ServiceDefaults.Rules;
using Microsoft.EntityFrameworkCore;

using Coordination.ServiceDefaults.Recusal;
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
            return ProposeOnceAsync(m.CaseId, m.CaseNumber, m.RegionCode, m.RegionCodes, m.Reason, m.AccusedUnit, m.CaseTraceParent, ct);
        });

    public Task FromCommitteeAsync(ConsumeContext<JointMeetingRequestedByCommittee> context) =>
        inbox.ApplyOnceAsync(context, CommitteeInboxKey, (_, ct) =>
        {
            var m = context.Message;
            return ProposeOnceAsync(m.CaseId, m.CaseNumber, m.RegionCode, [m.RegionCode], $"political-legal committee {m.ActorUnit}: {m.Reason}", m.AccusedUnit,
                m.CaseTraceParent, ct);
        });

    /// <summary>
    /// The bureau's own proposal, for one or more cases awaiting a meeting in its jurisdiction. A case awaits a meeting
    /// once Assignment or a committee asked for one (the proposal recorded then, with the case's number and region) and
    /// until a meeting carrying it closed. Any other case id, foreign or made up, is NotFound alike.
    /// </summary>
    public async Task<Meeting> ByBureauAsync(IReadOnlyList<Guid> caseIds, string reason, Caller bureau, CancellationToken ct)
    {
        bureau.Require(Roles.Bureau);
        var ids = caseIds.Distinct().ToList();
        var requests = await db.Meetings.AsNoTracking().Where(m => m.CaseNumber != "" && ids.Contains(m.CaseId)).ToListAsync(ct);
        var closed = await db.Meetings.AsNoTracking().Where(m => m.Status == Meeting.Closed && m.CaseIds.Any(c => ids.Contains(c)))
            .Select(m => new { m.CaseIds, m.ProposedAt }).ToListAsync(ct);
        var awaiting = new List<Meeting>();
        foreach (var id in ids)
        {
            var request = requests.Where(r => r.CaseId == id).MaxBy(r => r.ProposedAt);
            var concluded = request is not null && closed.Any(m => m.CaseIds.Contains(id) && m.ProposedAt >= request.ProposedAt);
            if (request is null || concluded || !bureau.Covers(request.RegionCode)) throw new NotFoundException("case");
            awaiting.Add(request);
        }
        var first = awaiting[0];
        var meeting = Meeting.Propose(NewId.NextSequentialGuid(), first.CaseId, "", first.RegionCode, awaiting.SelectMany(r => r.RegionCodes).Distinct(), ids,
            $"bureau {bureau.Unit}: {reason}", Now, awaiting.SelectMany(r => r.AccusedUnits));
        Propose(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    private async Task ProposeOnceAsync(Guid caseId, string caseNumber, string regionCode, IReadOnlyList<string> regionCodes, string reason,
        string? accusedUnit, string? caseTraceParent, CancellationToken ct)
    {
        if (await db.Meetings.AnyAsync(x => x.CaseId == caseId && x.Status == Meeting.Proposed, ct)) return;
        await db.RecuseAccusedUnitAsync(caseId, accusedUnit, Now, ct);
        var meeting = Meeting.Propose(NewId.NextSequentialGuid(), caseId, caseNumber, regionCode, regionCodes, [caseId], reason, Now,
            accusedUnit is { Length: > 0 } accused ? [accused] : []);
        meeting.TraceParent = caseTraceParent ?? System.Diagnostics.Activity.Current?.Id;
        Propose(meeting);
    }

    private void Propose(Meeting meeting)
    {
        db.Meetings.Add(meeting);
        db.Publish(new JointMeetingProposed
        {
            CaseId = meeting.CaseId, MeetingId = meeting.Id, RegionCodes = meeting.RegionCodes, CaseIds = meeting.CaseIds, OccurredAt = meeting.ProposedAt,
        }, meeting.CaseId);
    }
}
