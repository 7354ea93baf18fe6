using Coordination.LegalDiversion.Domain;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;

namespace Coordination.LegalDiversion.Persistence;

/// <summary>Read-side queries: who sees which referrals and supervision orders, and the institution directory.</summary>
public sealed class ReferralQueries(LegalDiversionDb db)
{
    private const int PageSize = 500;

    /// <summary>Committees and the bureau: their jurisdiction. Institutions: referrals addressed to them.</summary>
    public static bool CanSee(Caller caller, Referral r) =>
        caller.Is(Roles.Institution) ? r.InstitutionCode == caller.Unit : caller.Covers(r.RegionCode);

    public Task<IReadOnlyList<Referral>> VisibleAsync(Caller caller, Guid? caseId, CancellationToken ct) => VisibleAsync(caller, caseId, null, PageSize, ct);

    /// <summary>Newest first (then by id), after a page's last (opened at, id).</summary>
    public async Task<IReadOnlyList<Referral>> VisibleAsync(Caller caller, Guid? caseId, PageKey? after, int take, CancellationToken ct)
    {
        IQueryable<Referral> query = db.Referrals.AsNoTracking();
        if (caller.Is(Roles.Institution)) query = query.Where(r => r.InstitutionCode == caller.Unit);
        else
        {
            var prefix = caller.JurisdictionPrefix;
            query = query.Where(r => r.RegionCode.StartsWith(prefix));
        }
        if (caseId is { } id) query = query.Where(r => r.CaseId == id);
        if (after is not null)
        {
            var (at, lastId) = (after.Time(0), after.Id(1));
            query = query.Where(r => r.OpenedAt < at || (r.OpenedAt == at && r.Id.CompareTo(lastId) < 0));
        }
        return await query.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Every institution, or those of one channel ("" for all).</summary>
    public async Task<IReadOnlyList<Institution>> InstitutionsAsync(string channel, PageKey? after, int take, CancellationToken ct)
    {
        var query = db.Institutions.AsNoTracking().Where(i => channel == "" || i.Channel == channel);
        if (after is not null)
        {
            var code = after.Text(0);
            query = query.Where(i => string.Compare(i.Code, code) > 0);
        }
        return await query.OrderBy(i => i.Code).Take(take).ToListAsync(ct);
    }

    /// <summary>A referral's orders the caller may see: addressees their own, committees and the bureau their jurisdiction's.</summary>
    /// <summary>By due date (then id), after a page's last (due at, id).</summary>
    public async Task<IReadOnlyList<SupervisionOrder>> OrdersAsync(Caller caller, Guid referralId, PageKey? after, int take, CancellationToken ct)
    {
        var query = db.SupervisionOrders.AsNoTracking().Where(o => o.ReferralId == referralId);
        if (caller.Is(Roles.Institution, Roles.Department)) query = query.Where(o => o.AddresseeCode == caller.Unit);
        else
        {
            var prefix = caller.JurisdictionPrefix;
            query = query.Where(o => o.RegionCode.StartsWith(prefix));
        }
        if (after is not null)
        {
            var (at, lastId) = (after.Time(0), after.Id(1));
            query = query.Where(o => o.DueAt > at || (o.DueAt == at && o.Id.CompareTo(lastId) > 0));
        }
        return await query.OrderBy(o => o.DueAt).ThenBy(o => o.Id).Take(take).ToListAsync(ct);
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
