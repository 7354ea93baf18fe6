using System.Collections.Concurrent;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// The baseline of each spike check (a subject's petitions over the days before the day in question), kept for a
/// while: those days are over, so their count only changes when a petition is registered late, and the check asked for
/// it with every registration: a count over a month of a region's petitions each time, the largest statement of the
/// fold (issue 15). A late registration reaches the baseline within <see cref="Lifetime"/>.
/// </summary>
public sealed class SpikeBaselines(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int Capacity = 50_000;
    private readonly ConcurrentDictionary<(string Kind, string Subject, string Day), (int Count, DateTimeOffset Until)> _counts = new();

    public async Task<int> CountAsync(string kind, string subject, string day, Func<Task<int>> count)
    {
        var now = clock.GetUtcNow();
        if (_counts.TryGetValue((kind, subject, day), out var known) && known.Until > now) return known.Count;
        var fresh = await count();
        if (_counts.Count >= Capacity) _counts.Clear();
        _counts[(kind, subject, day)] = (fresh, now + Lifetime);
        return fresh;
    }
}
