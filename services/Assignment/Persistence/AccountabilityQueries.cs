using Coordination.Assignment.Domain;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Persistence;

/// <summary>Read-side queries of major events, early warnings and accountability files: nothing here is tracked or changed.</summary>
public sealed class AccountabilityQueries(AssignmentDb db)
{
    public Task<MajorEvent?> MajorEventAsync(Guid id, CancellationToken ct) =>
        db.MajorEvents.AsNoTracking().Include(m => m.Reports).Include(m => m.Dispatches).FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>Events whose region starts with the prefix, newest first (then by id), after a page's last (opened at, id).</summary>
    public async Task<IReadOnlyList<MajorEvent>> MajorEventsAsync(string regionPrefix, Guid? caseId, bool openOnly, PageKey? after, int take, CancellationToken ct)
    {
        var query = db.MajorEvents.AsNoTracking().Include(m => m.Reports).Include(m => m.Dispatches).Where(m => m.RegionCode.StartsWith(regionPrefix));
        if (caseId is { } id) query = query.Where(m => m.CaseId == id);
        if (openOnly) query = query.Where(m => m.ClosedAt == null);
        if (after is not null)
        {
            var (at, last) = (after.Time(0), after.Id(1));
            query = query.Where(m => m.OpenedAt < at || (m.OpenedAt == at && m.Id.CompareTo(last) < 0));
        }
        return await query.OrderByDescending(m => m.OpenedAt).ThenByDescending(m => m.Id).Take(take).AsSplitQuery().ToListAsync(ct);
    }

    public async Task<IReadOnlyList<EarlyWarning>> EarlyWarningsAsync(string regionPrefix, PageKey? after, int take, CancellationToken ct)
    {
        var query = db.EarlyWarnings.AsNoTracking().Where(w => w.RegionCode.StartsWith(regionPrefix));
        if (after is not null)
        {
            var (at, last) = (after.Time(0), after.Id(1));
            query = query.Where(w => w.RaisedAt < at || (w.RaisedAt == at && w.Id.CompareTo(last) < 0));
        }
        return await query.OrderByDescending(w => w.RaisedAt).ThenByDescending(w => w.Id).Take(take).ToListAsync(ct);
    }

    public Task<AccountabilityFile?> FileAsync(Guid id, CancellationToken ct) => db.AccountabilityFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);

    public async Task<IReadOnlyList<AccountabilityFile>> FilesAsync(string regionPrefix, bool undecidedOnly, PageKey? after, int take, CancellationToken ct)
    {
        var query = db.AccountabilityFiles.AsNoTracking().Where(f => f.RegionCode.StartsWith(regionPrefix));
        if (undecidedOnly) query = query.Where(f => f.Decision == null);
        if (after is not null)
        {
            var (at, last) = (after.Time(0), after.Id(1));
            query = query.Where(f => f.OpenedAt < at || (f.OpenedAt == at && f.Id.CompareTo(last) < 0));
        }
        return await query.OrderByDescending(f => f.OpenedAt).ThenByDescending(f => f.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Files opened in [from, to) under the prefix, counted by unit and decision.</summary>
    public async Task<IReadOnlyList<(string Unit, int Opened, int Undecided, int Criticism, int Notice, int Referral)>> RegisterAsync(string regionPrefix,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var rows = await db.AccountabilityFiles.AsNoTracking()
            .Where(f => f.RegionCode.StartsWith(regionPrefix) && f.OpenedAt >= from && f.OpenedAt < to)
            .GroupBy(f => f.Unit)
            .Select(g => new
            {
                Unit = g.Key, Opened = g.Count(), Undecided = g.Count(f => f.Decision == null),
                Criticism = g.Count(f => f.Decision == AccountabilityWords.Criticism),
                Notice = g.Count(f => f.Decision == AccountabilityWords.CirculatedNotice),
                Referral = g.Count(f => f.Decision == AccountabilityWords.DisciplineReferral),
            })
            .OrderBy(r => r.Unit).ToListAsync(ct);
        return rows.Select(r => (r.Unit, r.Opened, r.Undecided, r.Criticism, r.Notice, r.Referral)).ToList();
    }

    public async Task<IReadOnlyList<AccountabilityRule>> RulesAsync(CancellationToken ct) =>
        await db.AccountabilityRules.AsNoTracking().OrderBy(r => r.Kind).ToListAsync(ct);
}
