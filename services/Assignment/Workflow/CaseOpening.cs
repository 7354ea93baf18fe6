using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Intake;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

using Coordination.ServiceDefaults.Recusal;
namespace Coordination.Assignment.Workflow;

/// <summary>
/// Opens the handling of a newly registered case and routes it, once per message (inbox), in a transaction shared with
/// the registrations consumed at the same moment (GroupCommit).
/// </summary>
public sealed class CaseOpening(GroupCommit<AssignmentDb> commits, CaseRouter router, AssignmentReferenceData reference)
{
    // The inbox key under which earlier deliveries were recorded: changing it would apply them again.
    private const string InboxKey = "PetitionRegisteredConsumer";

    public Task OpenAsync(ConsumeContext<PetitionRegistered> context) =>
        commits.ApplyOnceAsync(context.MessageId ?? throw new InvalidOperationException("a message without a MessageId cannot be de-duplicated"),
            InboxKey, async (db, ct) =>
        {
            var m = context.Message;
            // The same case published twice under different ids is still one case, also when both are in one batch.
            if (db.Cases.Local.Any(c => c.Id == m.CaseId) || db.Preloaded?.Found(db, PreloadedCases.Cases, m.CaseId) == true) return;
            if (db.Preloaded?.Asked(db, PreloadedCases.Cases, m.CaseId) != true && await db.Cases.AnyAsync(c => c.Id == m.CaseId, ct)) return;
            var handlingCase = new HandlingCase
            {
                Id = m.CaseId,
                CaseNumber = m.CaseNumber,
                RegionCode = m.RegionCode,
                Topic = m.Topic,
                LawRelated = m.LawRelated,
                OtherRegionCodes = [.. m.OtherRegionCodes],
                AccusedUnit = m.AccusedUnit,
                LeaderInstructed = m.LeaderInstructed,
                ToBeijing = m.ToBeijing,
                LongStandingPetitioner = m.LongStandingPetitioner,
                RuleSetVersion = (await reference.InForceAsync(db, m.OccurredAt, ct)).Version,
                Status = CaseStatus.AwaitingManualRouting,
                RegisteredAt = m.OccurredAt,
                TraceParent = System.Diagnostics.Activity.Current?.Id, // the consume span, in the registration's trace (outbox relay)
            };
            db.Cases.Add(handlingCase);
            await db.RecuseAccusedUnitAsync(handlingCase.Id, handlingCase.AccusedUnit, m.OccurredAt, ct);
            if (SuggestionTrack.Takes(m)) SuggestionTrack.Receive(db, handlingCase, m);
            else await router.RouteAsync(db, handlingCase, ct);
        }, context.Message.CaseId, context.CancellationToken);
}
