using Coordination.JointMeeting.Domain;
using Coordination.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Persistence;

/// <summary>Read-side queries: bureaus see meetings in their jurisdiction; anyone else only meetings its unit is invited to.</summary>
public sealed class MeetingQueries(JointMeetingDb db)
{
    private const int PageSize = 200;

    public async Task<IReadOnlyList<Meeting>> VisibleAsync(Caller caller, Guid? caseId, CancellationToken ct)
    {
        var query = Visible(caller);
        if (caseId is { } id) query = query.Where(m => m.CaseIds.Contains(id) || m.CaseId == id);
        return await query.OrderByDescending(m => m.ProposedAt).Take(PageSize).ToListAsync(ct);
    }

    public Task<Meeting?> FindAsync(Caller caller, Guid meetingId, CancellationToken ct) =>
        Visible(caller).FirstOrDefaultAsync(m => m.Id == meetingId, ct);

    private IQueryable<Meeting> Visible(Caller caller)
    {
        var query = db.Meetings.AsNoTracking().Include(m => m.ActionItems);
        if (caller.Is(Roles.Bureau))
        {
            var prefix = caller.JurisdictionPrefix;
            return query.Where(m => m.RegionCode.StartsWith(prefix));
        }
        return query.Where(m => m.Parties.Any(p => p.Code == caller.Unit));
    }
}
