using Coordination.Contracts.LegalDiversion;
using Coordination.LegalDiversion.Domain;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.LegalDiversion.Workflow;

/// <summary>Legal advice a lawyer gave at reception (seed §14), recorded on a legal case in the recorder's jurisdiction.</summary>
public sealed class LegalAdviceActions(LegalDiversionDb db, TimeProvider clock)
{
    public async Task<LegalAdviceRecord> RecordAsync(Guid caseId, string lawyer, string firm, string advice, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Clerk, Roles.Bureau, Roles.Committee);
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == caseId, ct);
        if (referral is null || !caller.Covers(referral.RegionCode)) throw new NotFoundException("legal case");
        var now = clock.GetUtcNow();
        var record = new LegalAdviceRecord
        {
            Id = NewId.NextSequentialGuid(), CaseId = caseId, RegionCode = referral.RegionCode, Lawyer = lawyer, Firm = firm, Advice = advice, GivenAt = now,
            RecordedBy = caller.Subject,
        };
        db.LegalAdvice.Add(record);
        db.Publish(new LegalAdviceRecorded
        {
            CaseId = caseId, Lawyer = record.Lawyer, Firm = record.Firm, Advice = record.Advice, Actor = caller.Subject, ActorUnit = caller.Unit, OccurredAt = now,
        }, caseId);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
