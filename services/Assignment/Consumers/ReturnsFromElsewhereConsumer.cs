using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Consumers;

/// <summary>
/// Cases come back from legal diversion and joint meetings: concluded in law closes the case as diverted (never
/// counted as resolved); back to the petition track routes it again; a concluded meeting hands it to its lead unit.
/// </summary>
public sealed class ReturnsFromElsewhereConsumer(InboxProcessor<AssignmentDb> inbox, CaseRouter router, TimeProvider clock)
    : IConsumer<LegalReferralConcluded>, IConsumer<JointMeetingConcluded>
{
    public const string ConcludedInLaw = "concluded_in_law";
    public const string ReturnedToPetitionTrack = "returned_to_petition_track";

    public Task Consume(ConsumeContext<LegalReferralConcluded> context) =>
        inbox.ApplyOnceAsync(context, nameof(ReturnsFromElsewhereConsumer), async (db, ct) =>
        {
            var m = context.Message;
            var c = await CaseAsync(db, m.CaseId, ct);
            if (c.Status != CaseStatus.DivertedToLegal) return; // already moved on: a late duplicate changes nothing
            if (m.Conclusion == ConcludedInLaw)
            {
                c.Close(m.OccurredAt, CaseOutcomes.Diverted);
                db.Publish(new CaseClosed { CaseId = c.Id, Outcome = CaseOutcomes.Diverted, Final = false, Reason = m.Detail, OccurredAt = clock.GetUtcNow() }, c.Id);
                return;
            }
            c.LawRelated = false;
            await router.RouteAsync(db, c, ct);
        });

    public Task Consume(ConsumeContext<JointMeetingConcluded> context) =>
        inbox.ApplyOnceAsync(context, nameof(ReturnsFromElsewhereConsumer), async (db, ct) =>
        {
            var m = context.Message;
            var c = await CaseAsync(db, m.CaseId, ct);
            if (c.Status != CaseStatus.AwaitingJointMeeting) return;
            if (m.LeadUnit is { Length: > 0 } lead && lead != c.AccusedUnit)
                await router.HandOverAsync(db, c, lead, AssignmentKinds.Assignment, $"joint-meeting:{m.MeetingId}", ct);
            else
                CaseRouter.QueueForManualRouting(db, c, clock.GetUtcNow());
        });

    private static async Task<HandlingCase> CaseAsync(AssignmentDb db, Guid caseId, CancellationToken ct) =>
        await db.Cases.Include(c => c.Assignments).FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new InvalidOperationException($"unknown case {caseId}");
}
