using Coordination.Assignment.Domain;
using Coordination.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Persistence;

/// <summary>Suggestions and owned cases as lists: nothing here is tracked or changed.</summary>
public sealed class SuggestionQueries(AssignmentDb db)
{
    /// <summary>
    /// Suggestions of a jurisdiction (region prefix) or passed to a unit, newest first (then by case id), after a page's last
    /// (received at, case id).
    /// </summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestionsAsync(string? regionPrefix, string? unit, string? status, PageKey? after, int take,
        CancellationToken ct)
    {
        var query = db.Suggestions.AsNoTracking();
        if (regionPrefix is not null) query = query.Where(s => s.RegionCode.StartsWith(regionPrefix));
        if (unit is not null) query = query.Where(s => s.UnitCode == unit && s.Status != SuggestionStatus.Received);
        if (status is not null) query = query.Where(s => s.Status == status);
        if (after is not null)
        {
            var (at, id) = (after.Time(0), after.Id(1));
            query = query.Where(s => s.ReceivedAt < at || (s.ReceivedAt == at && s.CaseId.CompareTo(id) < 0));
        }
        return await query.OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.CaseId).Take(take).ToListAsync(ct);
    }

    /// <summary>A leader's own files, or a jurisdiction's; next note due first (then by id), after a page's last (due, id).</summary>
    public async Task<IReadOnlyList<CaseOwnership>> OwnershipsAsync(string? leader, string? regionPrefix, PageKey? after, int take, CancellationToken ct)
    {
        var query = db.Ownerships.AsNoTracking();
        if (leader is not null) query = query.Where(o => o.Leader == leader);
        if (regionPrefix is not null) query = query.Where(o => o.RegionCode.StartsWith(regionPrefix));
        if (after is not null)
        {
            var (at, id) = (after.Time(0), after.Id(1));
            query = query.Where(o => o.NextProgressDueAt > at || (o.NextProgressDueAt == at && o.Id.CompareTo(id) > 0));
        }
        return await query.OrderBy(o => o.NextProgressDueAt).ThenBy(o => o.Id).Take(take).ToListAsync(ct);
    }
}
