using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// Cases come back from legal diversion and joint meetings: concluded in law closes the case as diverted (never
/// counted as resolved); back to the petition track routes it again; a concluded meeting hands it to its lead unit.
/// A late duplicate finds the case moved on and changes nothing.
/// </summary>
public sealed class ReturnedCases(InboxProcessor<AssignmentDb> inbox, CaseRouter router, TimeProvider clock, IDeadlineHandler<AssignmentDb> deadlines)
{
    // The inbox key under which earlier deliveries were recorded: changing it would apply them again.
    private const string InboxKey = "ReturnsFromElsewhereConsumer";

    public Task FromLegalDiversionAsync(ConsumeContext<LegalReferralConcluded> context) =>
        inbox.ApplyOnceAsync(context, InboxKey, async (db, ct) =>
        {
            var m = context.Message;
            var c = await CaseAsync(db, m.CaseId, ct);
            if (c.Status != CaseStatus.DivertedToLegal) return;
            if (m.Conclusion == ReferralConclusions.ConcludedInLaw)
            {
                c.Close(m.OccurredAt, CaseOutcomes.Diverted);
                db.Publish(new CaseClosed { CaseId = c.Id, Outcome = CaseOutcomes.Diverted, Final = false, Reason = m.Detail, OccurredAt = clock.GetUtcNow() }, c.Id);
                await OwnershipEnding.WithCaseAsync(db, deadlines, c.Id, clock.GetUtcNow(), ct);
                return;
            }
            c.ReturnToPetitionTrack();
            await router.RouteAsync(db, c, ct);
        });

    public Task FromJointMeetingAsync(ConsumeContext<JointMeetingConcluded> context) =>
        inbox.ApplyOnceAsync(context, InboxKey, async (db, ct) =>
        {
            var m = context.Message;
            var c = await CaseAsync(db, m.CaseId, ct);
            if (!c.AwaitsMeeting(m.MeetingId)) return; // not a meeting this case was sent to: another's conclusion moves nothing
            if (m.LeadUnit is { Length: > 0 } lead && !c.IsAccused(lead))
                await router.HandOverAsync(db, c, lead, AssignmentKinds.Assignment, $"joint-meeting:{m.MeetingId}", ct);
            else
                router.QueueForManualRouting(db, c);
        });

    /// <summary>A meeting proposed for cases that await one: Assignment notes it, so that its conclusion is recognised.</summary>
    public Task MeetingProposedAsync(ConsumeContext<JointMeetingProposed> context) =>
        inbox.ApplyOnceAsync(context, InboxKey, async (db, ct) =>
        {
            var m = context.Message;
            var ids = (m.CaseIds ?? [m.CaseId]).Distinct().ToList();
            foreach (var c in await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(ct)) c.RecordMeeting(m.MeetingId);
        });

    private static async Task<HandlingCase> CaseAsync(AssignmentDb db, Guid caseId, CancellationToken ct) =>
        await db.Cases.Include(c => c.Assignments).FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new InvalidOperationException($"unknown case {caseId}");
}
