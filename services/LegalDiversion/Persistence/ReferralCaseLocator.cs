using Coordination.ServiceDefaults.Recusal;
using Microsoft.EntityFrameworkCore;

namespace Coordination.LegalDiversion.Persistence;

/// <summary>The case of a referral (referral_id) or of a supervision order (order_id), for the recusal shield.</summary>
public sealed class ReferralCaseLocator(LegalDiversionDb db) : ICaseLocator
{
    public async Task<CaseReference?> LocateAsync(string field, Guid id, CancellationToken ct) => field switch
    {
        "referral_id" => new("referral", await db.Referrals.AsNoTracking().Where(r => r.Id == id).Select(r => r.CaseId).ToListAsync(ct)),
        "order_id" => new("supervision order", await db.SupervisionOrders.AsNoTracking().Where(o => o.Id == id).Select(o => o.CaseId).ToListAsync(ct)),
        _ => null,
    };
}
