using Coordination.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Coordination.LegalDiversion.Persistence;

/// <summary>A case's trace as its first referral here recorded it (the registration's, carried by LegalDiversionRequested).</summary>
public sealed class ReferralOrigins(LegalDiversionDb db) : ICaseOrigins
{
    public Task<string?> TraceParentAsync(Guid caseId, CancellationToken ct) =>
        db.Referrals.AsNoTracking().Where(r => r.CaseId == caseId && r.TraceParent != null).OrderBy(r => r.OpenedAt)
            .Select(r => r.TraceParent).FirstOrDefaultAsync(ct);
}
