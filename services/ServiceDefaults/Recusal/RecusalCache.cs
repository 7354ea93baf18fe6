using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.ServiceDefaults.Recusal;

/// <summary>
/// The cases each caller is kept away from here (ADR 30), kept in memory between calls while this replica is told of
/// every change (<see cref="RecusalListener"/>: PostgreSQL delivers the <see cref="Channel"/> notification of a
/// transaction that stored a recusal when it commits, to every replica). On this replica a transaction storing one is
/// seen before it commits (<see cref="Storing"/>): until it ends, every call reads the table, so no call after its
/// commit is answered from what was kept before. A read that began before a change and ended after it is not kept;
/// while the replica is not listening (starting, or its listening connection lost) every call reads the table as
/// before. Another replica's recusal holds here from the moment its notification arrives (issue 15: the read was one
/// statement and one commit of every call).
/// </summary>
public sealed class RecusalCache
{
    public const string Channel = "case_recusals";

    /// <summary>At most this many callers are kept; beyond it the cache starts again (callers are staff: a few thousand).</summary>
    public const int MaxCallers = 10_000;

    /// <summary>A transaction that stored a recusal and never ended (abandoned undisposed) stops counting after this.</summary>
    public static readonly TimeSpan StoringAtMost = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<object, long> _storing = new(ReferenceEqualityComparer.Instance);
    private Dictionary<(string Person, string Unit), HashSet<Guid>> _sets = [];
    private long _generation;
    private bool _listening;

    /// <summary>The recused cases of a request's caller, from this service's cache and database.</summary>
    public static Task<IReadOnlySet<Guid>> OfRequestAsync(HttpContext http, Caller caller, CancellationToken ct) =>
        http.RequestServices.GetRequiredService<RecusalCache>().OfAsync(http.RequestServices.GetRequiredService<ServiceDbContext>(), caller, ct);

    public Task<IReadOnlySet<Guid>> OfAsync(ServiceDbContext db, Caller caller, CancellationToken ct) =>
        OfAsync(caller, read => RecusedCases.OfAsync(db, caller, read), ct);

    /// <param name="read">Reads the caller's recused cases from the table.</param>
    public async Task<IReadOnlySet<Guid>> OfAsync(Caller caller, Func<CancellationToken, Task<HashSet<Guid>>> read, CancellationToken ct)
    {
        var key = (CaseRecusal.PersonParty(caller.Subject), CaseRecusal.UnitParty(caller.Unit));
        long generation;
        lock (_gate)
        {
            if (Kept() && _sets.TryGetValue(key, out var known)) return known;
            generation = _generation;
        }
        var cases = await read(ct);
        lock (_gate)
        {
            if (Kept() && generation == _generation)
            {
                if (_sets.Count >= MaxCallers) _sets = [];
                _sets[key] = cases;
            }
        }
        return cases;
    }

    /// <summary>A recusal was stored on another replica: forget everything read before.</summary>
    public void Changed() => Reset(_listening);

    /// <summary>A unit of work here is about to store a recusal: no call is answered from memory until it <see cref="Stored"/>.</summary>
    public void Storing(object unitOfWork)
    {
        lock (_gate)
        {
            _storing[unitOfWork] = Environment.TickCount64 + (long)StoringAtMost.TotalMilliseconds;
            _generation++;
            _sets = [];
        }
    }

    /// <summary>That unit of work committed or was abandoned: forget everything read before, and keep again.</summary>
    public void Stored(object unitOfWork)
    {
        lock (_gate)
        {
            _storing.Remove(unitOfWork);
            _generation++;
            _sets = [];
        }
    }

    /// <summary>Under the gate: kept only while listening and no unit of work here is storing a recusal.</summary>
    private bool Kept()
    {
        if (!_listening) return false;
        if (_storing.Count == 0) return true;
        var now = Environment.TickCount64;
        foreach (var (unitOfWork, until) in _storing.ToList())
            if (until < now) _storing.Remove(unitOfWork);
        return _storing.Count == 0;
    }

    /// <summary>Listening (or not): only while listening are reads kept.</summary>
    public void Listening(bool listening) => Reset(listening);

    private void Reset(bool listening)
    {
        lock (_gate)
        {
            _generation++;
            _sets = [];
            _listening = listening;
        }
    }

    /// <summary>Tells every replica listening, when the caller's transaction commits (at once without one).</summary>
    public static Task NotifyAsync(ServiceDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{Channel}', '')", ct);
}
