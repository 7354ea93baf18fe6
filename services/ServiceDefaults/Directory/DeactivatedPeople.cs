using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Directory;

/// <summary>
/// The people the Directory has deactivated, checked on every token: a token issued to them at or before that
/// moment is refused. Held in memory and re-read from directory_deactivated_people every few seconds (another
/// replica may have consumed the event); the consumer of this replica adds at once.
/// </summary>
public sealed class DeactivatedPeople(IServiceScopeFactory scopes, ILogger<DeactivatedPeople> log)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _people = new(StringComparer.Ordinal);
    private readonly Stopwatch _sinceLoad = new();
    private int _loading;

    public bool Refuses(ClaimsPrincipal principal)
    {
        if (!_sinceLoad.IsRunning || _sinceLoad.Elapsed > Refresh) _ = ReloadAsync();
        var subject = principal.FindFirst(CallerClaims.Subject)?.Value;
        if (subject is null || !_people.TryGetValue(subject, out var deactivatedAt)) return false;
        var issuedAt = long.TryParse(principal.FindFirst("iat")?.Value, out var iat) ? DateTimeOffset.FromUnixTimeSeconds(iat) : DateTimeOffset.MinValue;
        return issuedAt <= deactivatedAt;
    }

    public void Add(string subject, DateTimeOffset deactivatedAt) =>
        _people.AddOrUpdate(subject, deactivatedAt, (_, known) => known > deactivatedAt ? known : deactivatedAt);

    /// <summary>Reads the table (at start, then when stale); a failure keeps what is known and tries again later.</summary>
    public async Task ReloadAsync()
    {
        if (Interlocked.Exchange(ref _loading, 1) == 1) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
            foreach (var person in await db.DeactivatedSubjects.AsNoTracking().ToListAsync()) Add(person.Subject, person.DeactivatedAt);
            _sinceLoad.Restart();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "could not read the deactivated people; keeping the {Count} known", _people.Count);
            _sinceLoad.Restart(); // not again on every request while the database is away
        }
        finally
        {
            Volatile.Write(ref _loading, 0);
        }
    }
}
