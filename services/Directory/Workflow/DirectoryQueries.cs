using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Directory;
using Coordination.Directory.Domain;
using Coordination.Directory.Persistence;
using Coordination.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Directory.Workflow;

/// <summary>Reads of units and people. Units are public to signed-in callers; people follow <see cref="MaySee"/>.</summary>
public sealed class DirectoryQueries(DirectoryDb db)
{
    /// <summary>The calendar's version and its named days, of one year or (0) all.</summary>
    public async Task<(int Version, IReadOnlyList<Coordination.ServiceDefaults.Calendar.CalendarDayRow> Days)> WorkingCalendarAsync(int year, CancellationToken ct)
    {
        var version = await db.CalendarVersion.AsNoTracking().Select(v => v.Version).SingleAsync(ct);
        var days = db.CalendarDays.AsNoTracking();
        if (year != 0) days = days.Where(d => d.Day >= new DateOnly(year, 1, 1) && d.Day <= new DateOnly(year, 12, 31));
        return (version, await days.OrderBy(d => d.Day).ToListAsync(ct));
    }

    /// <summary>Units by region, then code, after a page's last (region, code).</summary>
    public async Task<IReadOnlyList<Unit>> UnitsAsync(string kind, string region, string query, bool includeInactive, PageKey? after, int take,
        CancellationToken ct)
    {
        var rows = db.Units.AsNoTracking().Where(u => includeInactive || u.Active);
        if (kind.Length > 0) rows = rows.Where(u => u.Kind == kind);
        if (region.Length > 0) rows = rows.Where(u => u.RegionCode.StartsWith(Jurisdiction.Prefix(region)));
        var text = query.Trim();
        if (text.Length > 0)
        {
            var lower = text.ToLowerInvariant();
            rows = rows.Where(u => u.Code.Contains(lower) || u.Name.Contains(text));
        }
        if (after is not null)
        {
            var (afterRegion, afterCode) = (after.Text(0), after.Text(1));
            rows = rows.Where(u => string.Compare(u.RegionCode, afterRegion) > 0 || (u.RegionCode == afterRegion && string.Compare(u.Code, afterCode) > 0));
        }
        return await rows.OrderBy(u => u.RegionCode).ThenBy(u => u.Code).Take(take).ToListAsync(ct);
    }

    /// <summary>
    /// Any spelling of a unit the other services accept (UnitSpelling: case, spaces or underscores, full width, or the
    /// Chinese name), so the Directory finds exactly what a request naming the unit would.
    /// </summary>
    public async Task<Unit?> UnitAsync(string spelling, CancellationToken ct)
    {
        if (UnitSpelling.CodeKey(spelling) is not { } code) return null;
        var name = UnitSpelling.NameKey(spelling) ?? "";
        return await db.Units.AsNoTracking().Where(u => u.Code == code || u.Name == name).OrderBy(u => u.Code == code ? 0 : 1).FirstOrDefaultAsync(ct);
    }

    /// <summary>The people the caller may see, by unit, then login: one page of <paramref name="people"/>.</summary>
    public async Task<(IReadOnlyList<Person> Items, string NextPageToken)> PeopleAsync(Caller caller, string unitCode, bool includeInactive,
        PageTokens people, PageRequest page, CancellationToken ct)
    {
        var (items, next) = await people.PageAsync(page, async (after, take) =>
        {
            var rows = from p in db.People.AsNoTracking()
                       join u in db.Units.AsNoTracking() on p.UnitCode equals u.Code
                       where (unitCode == "" || p.UnitCode == unitCode) && (includeInactive || p.Active)
                       select new { p, u.RegionCode };
            if (after is not null)
            {
                var (afterUnit, afterLogin) = (after.Text(0), after.Text(1));
                rows = rows.Where(r => string.Compare(r.p.UnitCode, afterUnit) > 0 || (r.p.UnitCode == afterUnit && string.Compare(r.p.Login, afterLogin) > 0));
            }
            var chunk = await rows.OrderBy(r => r.p.UnitCode).ThenBy(r => r.p.Login).Take(take).ToListAsync(ct);
            return (IReadOnlyList<(Person p, string RegionCode)>)chunk.Select(r => (r.p, r.RegionCode)).ToList();
        }, r => PageKey.Of(r.p.UnitCode, r.p.Login), r => MaySee(caller, r.p.UnitCode, r.RegionCode));
        return (items.Select(r => r.p).ToList(), next);
    }

    /// <summary>The person, when the caller may see them; null otherwise (NotFound, so logins don't leak).</summary>
    public async Task<Person?> PersonAsync(Caller caller, string login, CancellationToken ct)
    {
        var row = await (from p in db.People.AsNoTracking()
                         join u in db.Units.AsNoTracking() on p.UnitCode equals u.Code
                         where p.Login == login
                         select new { p, u.RegionCode }).SingleOrDefaultAsync(ct);
        return row is not null && (row.p.Login == caller.Subject || MaySee(caller, row.p.UnitCode, row.RegionCode)) ? row.p : null;
    }

    /// <summary>Whether the token's person is still active: a deactivated person's tokens are refused here too.</summary>
    public Task<bool> IsActiveAsync(string login, CancellationToken ct) => db.People.AnyAsync(p => p.Login == login && p.Active, ct);

    public Task<Unit?> UnitByCodeAsync(string code, CancellationToken ct) => db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct);

    /// <summary>Recusals by login, then case: an administrator's of anyone (or one person, one case), anyone else's own.</summary>
    public async Task<(IReadOnlyList<Recusal> Items, string NextPageToken)> RecusalsAsync(string login, Guid? caseId, PageTokens pages, PageRequest page,
        CancellationToken ct)
    {
        var rows = db.Recusals.AsNoTracking().Where(r => (login == "" || r.Login == login) && (caseId == null || r.CaseId == caseId));
        if (page.After is { } after)
        {
            var (afterLogin, afterCase) = (after.Text(0), after.Text(1));
            rows = rows.Where(r => string.Compare(r.Login, afterLogin) > 0 || (r.Login == afterLogin && string.Compare(r.CaseId.ToString(), afterCase) > 0));
        }
        var fetched = await rows.OrderBy(r => r.Login).ThenBy(r => r.CaseId.ToString()).Take(page.Fetch).ToListAsync(ct);
        return pages.Page(fetched, page, r => PageKey.Of(r.Login, r.CaseId.ToString()));
    }

    /// <summary>Administrators see everyone; the bureau and leaders their jurisdiction; everyone else their own unit.</summary>
    public static bool MaySee(Caller caller, string unitCode, string unitRegion) =>
        caller.Is(Roles.Administrator) || (caller.Is(Roles.Bureau, Roles.Leader) ? caller.Covers(unitRegion) : caller.Unit == unitCode);
}
