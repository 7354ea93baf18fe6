using Coordination.LegalDiversion.Domain;
using Coordination.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Coordination.LegalDiversion.Persistence;

/// <summary>Read-side queries: who sees which referrals and supervision orders, and the institution directory.</summary>
public sealed class ReferralQueries(LegalDiversionDb db)
{
    private const int PageSize = 500;

    /// <summary>Committees and the bureau: their jurisdiction. Institutions: referrals addressed to them.</summary>
    public static bool CanSee(Caller caller, Referral r) =>
        caller.Is(Roles.Institution) ? r.InstitutionCode == caller.Unit : caller.Covers(r.RegionCode);

    public async Task<IReadOnlyList<Referral>> VisibleAsync(Caller caller, Guid? caseId, CancellationToken ct)
    {
        IQueryable<Referral> query = db.Referrals.AsNoTracking();
        if (caller.Is(Roles.Institution)) query = query.Where(r => r.InstitutionCode == caller.Unit);
        else
        {
            var prefix = caller.JurisdictionPrefix;
            query = query.Where(r => r.RegionCode.StartsWith(prefix));
        }
        if (caseId is { } id) query = query.Where(r => r.CaseId == id);
        return await query.OrderByDescending(r => r.OpenedAt).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>Every institution, or those of one channel ("" for all).</summary>
    public async Task<IReadOnlyList<Institution>> InstitutionsAsync(string channel, CancellationToken ct) =>
        await db.Institutions.AsNoTracking().Where(i => channel == "" || i.Channel == channel).OrderBy(i => i.Code).ToListAsync(ct);

    /// <summary>A referral's orders the caller may see: addressees their own, committees and the bureau their jurisdiction's.</summary>
    public async Task<IReadOnlyList<SupervisionOrder>> OrdersAsync(Caller caller, Guid referralId, CancellationToken ct)
    {
        var orders = await db.SupervisionOrders.AsNoTracking().Where(o => o.ReferralId == referralId).OrderBy(o => o.DueAt).ToListAsync(ct);
        return orders.Where(o => caller.Is(Roles.Institution, Roles.Department) ? o.AddresseeCode == caller.Unit : caller.Covers(o.RegionCode)).ToList();
    }

    /// <summary>The orders whose deadline went as far as escalation to the committee.</summary>
    public async Task<IReadOnlySet<Guid>> EscalatedAsync(IEnumerable<Guid> orderIds, CancellationToken ct)
    {
        var ids = orderIds.Select(id => (Guid?)id).ToList();
        var escalated = await db.Deadlines.AsNoTracking().Where(d => d.SupervisionSentAt != null && ids.Contains(d.AssignmentId))
            .Select(d => d.AssignmentId!.Value).ToListAsync(ct);
        return escalated.ToHashSet();
    }
}
