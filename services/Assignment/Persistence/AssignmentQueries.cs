using Coordination.Assignment.Domain;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;

namespace Coordination.Assignment.Persistence;

/// <summary>Read-side queries: nothing here is tracked or changed.</summary>
public sealed class AssignmentQueries(AssignmentDb db, AssignmentReferenceData reference)
{
    /// <summary>Every saved rule set (from the cache every replica's change clears).</summary>
    public Task<IReadOnlyList<RuleSet>> RuleSetsAsync(CancellationToken ct) => reference.RuleSetsAsync(db, ct);

    /// <summary>A unit's own hand-overs, newest first, with their case numbers.</summary>
    public async Task<IReadOnlyList<(AssignmentEntity Assignment, string CaseNumber)>> OfUnitAsync(string unit, bool pendingOnly, int take, CancellationToken ct)
    {
        var query = db.Assignments.AsNoTracking().Where(a => a.UnitCode == unit && a.Status != AssignmentStatus.Returned); // returned: no longer the unit's
        if (pendingOnly) query = query.Where(a => a.Status == AssignmentStatus.Pending);
        var rows = await query
            .OrderByDescending(a => a.AssignedAt)
            .Take(take)
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { a, c.CaseNumber })
            .ToListAsync(ct);
        return rows.Select(r => (r.a, r.CaseNumber)).ToList();
    }

    public Task<HandlingCase?> CaseAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == caseId, ct);

    public Task<string> CaseNumberAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.CaseNumber).FirstAsync(ct);

    public async Task<IReadOnlyList<Deadline>> DeadlinesAsync(Guid caseId, CancellationToken ct) =>
        await db.Deadlines.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.StartedAt).ThenBy(d => d.DueAt).ToListAsync(ct);
}
