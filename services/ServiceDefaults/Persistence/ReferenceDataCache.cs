using Coordination.ServiceDefaults.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Small catalogues read on every request (routing rules, topics, rule sets): kept in memory until a change is
/// signalled on the service's database (ReferenceDataSignals, every replica at once), or a minute at most.
/// </summary>
public sealed class ReferenceDataCache<T> where T : class
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly TimeProvider clock;
    private volatile IReadOnlyList<T>? _rows;
    private DateTimeOffset _loadedAt;

    public ReferenceDataCache(TimeProvider clock, ReferenceDataSignals signals)
    {
        this.clock = clock;
        signals.Follow(Forget);
    }

    public void Forget() => _rows = null;

    public async Task<IReadOnlyList<T>> GetAsync(DbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = _rows;
        if (rows is null || now - _loadedAt > Lifetime)
        {
            rows = await db.Set<T>().AsNoTracking().ToListAsync(ct);
            _loadedAt = now;
            _rows = rows;
        }
        return rows;
    }
}
