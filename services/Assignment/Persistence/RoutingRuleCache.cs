using Coordination.Assignment.Domain;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Persistence;

/// <summary>The catalogue is small and read for every case: kept in memory, re-read once a minute.</summary>
public sealed class RoutingRuleCache(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private IReadOnlyList<RoutingRule>? _rules;
    private DateTimeOffset _loadedAt;

    public async Task<IReadOnlyList<RoutingRule>> GetAsync(AssignmentDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_rules is null || now - _loadedAt > Lifetime)
        {
            _rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
            _loadedAt = now;
        }
        return _rules;
    }
}
