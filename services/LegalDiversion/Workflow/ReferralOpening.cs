using Coordination.Contracts.Assignment;
using Coordination.Contracts.LegalDiversion;
using Coordination.LegalDiversion.Domain;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

using Coordination.ServiceDefaults.Recusal;
namespace Coordination.LegalDiversion.Workflow;

/// <summary>Turns Assignment's diversion request into an open referral: one open per case, each message applied once.</summary>
public sealed class ReferralOpening(InboxProcessor<LegalDiversionDb> inbox, TimeProvider clock)
{
    // The inbox key under which earlier deliveries were recorded: changing it would apply them again.
    private const string InboxKey = "LegalDiversionRequestedConsumer";

    public Task OpenAsync(ConsumeContext<LegalDiversionRequested> context) =>
        inbox.ApplyOnceAsync(context, InboxKey, async (db, ct) =>
        {
            var m = context.Message;
            if (await db.Referrals.AnyAsync(r => r.CaseId == m.CaseId && r.Status == Referral.Open, ct)) return;
            var referral = Referral.OpenFor(NewId.NextSequentialGuid(), m.CaseId, m.CaseNumber, m.RegionCode, m.Topic, clock.GetUtcNow(), m.AccusedUnit);
            referral.TraceParent = m.CaseTraceParent ?? System.Diagnostics.Activity.Current?.Id;
            db.Referrals.Add(referral);
            await db.RecuseAccusedUnitAsync(referral.CaseId, referral.AccusedUnit, referral.OpenedAt, ct);
            db.Publish(new LegalReferralOpened
            {
                CaseId = referral.CaseId, ReferralId = referral.Id, RegionCode = referral.RegionCode, OccurredAt = referral.OpenedAt,
            }, referral.CaseId);
        });
}
