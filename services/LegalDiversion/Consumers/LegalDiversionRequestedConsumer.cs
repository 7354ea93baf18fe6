using Coordination.Contracts.Assignment;
using Coordination.Contracts.LegalDiversion;
using Coordination.LegalDiversion.Domain;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.LegalDiversion.Consumers;

/// <summary>Turns Assignment's diversion request into an open referral (one per case).</summary>
public sealed class LegalDiversionRequestedConsumer(InboxProcessor<LegalDiversionDb> inbox, TimeProvider clock) : IConsumer<LegalDiversionRequested>
{
    public Task Consume(ConsumeContext<LegalDiversionRequested> context) =>
        inbox.ApplyOnceAsync(context, nameof(LegalDiversionRequestedConsumer), async (db, ct) =>
        {
            var m = context.Message;
            if (await db.Referrals.AnyAsync(r => r.CaseId == m.CaseId && r.Status == Referral.Open, ct)) return;
            var referral = new Referral
            {
                Id = NewId.NextSequentialGuid(), CaseId = m.CaseId, CaseNumber = m.CaseNumber, RegionCode = m.RegionCode, Topic = m.Topic,
                OpenedAt = clock.GetUtcNow(),
            };
            db.Referrals.Add(referral);
            db.Publish(new LegalReferralOpened
            {
                CaseId = referral.CaseId, ReferralId = referral.Id, RegionCode = referral.RegionCode, OccurredAt = referral.OpenedAt,
            }, referral.CaseId);
        });
}
