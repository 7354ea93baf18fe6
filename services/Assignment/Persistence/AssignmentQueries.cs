using Coordination.ServiceDefaults.Attachments;
using Coordination.Assignment.Domain;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;

namespace Coordination.Assignment.Persistence;

/// <summary>Read-side queries: nothing here is tracked or changed.</summary>
public sealed class AssignmentQueries(AssignmentDb db, AssignmentReferenceData reference)
{
    /// <summary>Every saved rule set (from the cache every replica's change clears).</summary>
    public Task<IReadOnlyList<RuleSet>> RuleSetsAsync(CancellationToken ct) => reference.RuleSetsAsync(db, ct);

    /// <summary>A unit's own hand-overs, newest first (then by id), after a page's last (assigned at, id), with their case numbers.</summary>
    public async Task<IReadOnlyList<(AssignmentEntity Assignment, string CaseNumber)>> OfUnitAsync(string unit, bool pendingOnly, PageKey? after, int take,
        CancellationToken ct)
    {
        var query = db.Assignments.AsNoTracking().Where(a => a.UnitCode == unit && a.Status != AssignmentStatus.Returned); // returned: no longer the unit's
        if (pendingOnly) query = query.Where(a => a.Status == AssignmentStatus.Pending);
        if (after is not null)
        {
            var (at, id) = (after.Time(0), after.Id(1));
            query = query.Where(a => a.AssignedAt < at || (a.AssignedAt == at && a.Id.CompareTo(id) < 0));
        }
        // Ordered after the join: PostgreSQL's uuid order is the page's order, which .NET's Guid order is not.
        var rows = await query
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { a, c.CaseNumber })
            .OrderByDescending(r => r.a.AssignedAt).ThenByDescending(r => r.a.Id)
            .Take(take)
            .ToListAsync(ct);
        return rows.Select(r => (r.a, r.CaseNumber)).ToList();
    }

    /// <summary>A case's files, oldest first (then by id), after a page's last (uploaded at, id); only those of <paramref name="held"/> hand-overs when given.</summary>
    public async Task<IReadOnlyList<StoredAttachment>> AttachmentsAsync(Guid caseId, IReadOnlyCollection<Guid>? held, PageKey? after, int take,
        CancellationToken ct)
    {
        var query = db.Attachments.AsNoTracking().Where(x => x.CaseId == caseId);
        if (held is not null) query = query.Where(x => held.Contains(x.SubjectId));
        if (after is not null)
        {
            var (at, id) = (after.Time(0), after.Id(1));
            query = query.Where(x => x.UploadedAt > at || (x.UploadedAt == at && x.Id.CompareTo(id) > 0));
        }
        return await query.OrderBy(x => x.UploadedAt).ThenBy(x => x.Id).Take(take).ToListAsync(ct);
    }

    public Task<StoredAttachment?> AttachmentAsync(Guid id, CancellationToken ct) => db.Attachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);

    public Task<HandlingCase?> CaseAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == caseId, ct);

    public Task<string> CaseNumberAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.CaseNumber).FirstAsync(ct);

    /// <summary>A case's limits by start (then id), after a page's last (started at, id); only those on <paramref name="held"/> hand-overs when given.</summary>
    public async Task<IReadOnlyList<Deadline>> DeadlinesAsync(Guid caseId, IReadOnlyCollection<Guid>? held, PageKey? after, int take, CancellationToken ct)
    {
        var query = db.Deadlines.AsNoTracking().Where(d => d.CaseId == caseId);
        if (held is not null) query = query.Where(d => d.AssignmentId != null && held.Contains(d.AssignmentId.Value));
        if (after is not null)
        {
            var (at, id) = (after.Time(0), after.Id(1));
            query = query.Where(d => d.StartedAt > at || (d.StartedAt == at && d.Id.CompareTo(id) > 0));
        }
        return await query.OrderBy(d => d.StartedAt).ThenBy(d => d.Id).Take(take).ToListAsync(ct);
    }
}
