using System.Diagnostics;
using Coordination.Contracts.Directory;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.ServiceDefaults.Directory;

/// <summary>
/// The units this service knows, read from its own copy (directory_units) and kept in memory. A spelling that is
/// not found makes it read the table again (at most once a second), since another replica may have consumed the
/// event; changes are re-read every 30 seconds at the latest.
/// </summary>
public sealed class UnitDirectory(IServiceScopeFactory scopes)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30), MissRetry = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile UnitIndex? _index;

    /// <summary>The unit a spelling names (code in any case, or exact Chinese name), active or not; null if none.</summary>
    public async ValueTask<DirectoryUnit?> FindAsync(string? spelling, CancellationToken ct)
    {
        if (UnitSpelling.CodeKey(spelling) is null) return null;
        var index = _index;
        if (index is null || index.Age > MaxAge) index = await LoadAsync(ct);
        if (index.Find(spelling) is { } unit) return unit;
        if (index.Age < MissRetry) return null;
        return (await LoadAsync(ct)).Find(spelling);
    }

    /// <summary>Every known unit; for lists and lookups by region or kind.</summary>
    public async ValueTask<IReadOnlyCollection<DirectoryUnit>> AllAsync(CancellationToken ct)
    {
        var index = _index;
        if (index is null || index.Age > MaxAge) index = await LoadAsync(ct);
        return index.All;
    }

    /// <summary>A change this replica has just stored takes effect here at once.</summary>
    public void Forget() => _index = null;

    private async Task<UnitIndex> LoadAsync(CancellationToken ct)
    {
        var before = _index;
        await _loading.WaitAsync(ct);
        try
        {
            if (_index is { } current && !ReferenceEquals(current, before) && current.Age < MissRetry) return current;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
            var rows = await db.KnownUnits.AsNoTracking().ToListAsync(ct);
            var index = new UnitIndex(rows.Select(r => new DirectoryUnit
            {
                Code = r.Code, Name = r.Name, Kind = r.Kind, RegionCode = r.RegionCode, ParentCode = r.ParentCode, Active = r.Active, Version = r.Version,
            }), Stopwatch.StartNew());
            _index = index;
            return index;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed class UnitIndex(IEnumerable<DirectoryUnit> units, Stopwatch age)
    {
        private readonly Dictionary<string, DirectoryUnit> _byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        private Dictionary<string, DirectoryUnit>? _byName;

        public TimeSpan Age => age.Elapsed;
        public IReadOnlyCollection<DirectoryUnit> All => _byCode.Values;

        public DirectoryUnit? Find(string? spelling)
        {
            if (UnitSpelling.CodeKey(spelling) is { } code && _byCode.TryGetValue(code, out var unit)) return unit;
            _byName ??= _byCode.Values.GroupBy(u => UnitSpelling.NameKey(u.Name) ?? "").Where(g => g.Count() == 1)
                .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
            return UnitSpelling.NameKey(spelling) is { } name && _byName.TryGetValue(name, out unit) ? unit : null;
        }
    }
}
