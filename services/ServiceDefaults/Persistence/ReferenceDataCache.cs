using Microsoft.EntityFrameworkCore;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Small catalogues read on every request (routing rules, topics): kept in memory and re-read once a minute,
/// so a new catalogue row takes effect without a restart.
/// </summary>
public sealed class ReferenceDataCache<T>(TimeProvider clock) where T : class
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private IReadOnlyList<T>? _rows;
    private DateTimeOffset _loadedAt;

    public async Task<IReadOnlyList<T>> GetAsync(DbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_rows is null || now - _loadedAt > Lifetime)
        {
            _rows = await db.Set<T>().AsNoTracking().ToListAsync(ct);
            _loadedAt = now;
        }
        return _rows;
    }
}
