using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// After a batch of events that move live counters committed: copy each region's day they touched from PostgreSQL to
/// Redis, once per batch rather than once per event. Redis being down loses nothing: the dashboard counts again from
/// PostgreSQL what Redis does not hold.
/// </summary>
public sealed class LiveCountersToRedis(ReportingDb db, LiveCounterStore store, ILogger<LiveCountersToRedis> log) : IAfterCommit
{
    public IReadOnlySet<Type> Follows { get; } = new HashSet<Type> { typeof(PetitionRegistered), typeof(PetitionLinkedAsRepeat), typeof(CaseClosed) };

    public async Task RunAsync(IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        // What the batch's transaction locked and wrote is still tracked, with the values it committed (it held the rows'
        // locks to the commit): those need no read. Only a redelivered event's rows (skipped by the inbox, not tracked)
        // are read from PostgreSQL (issue 15: a read of facts a batch and of counters a region had been the rule).
        var trackedFacts = db.CaseFacts.Local.ToDictionary(f => f.CaseId, f => new CaseRegion(f.CaseId, f.RegionCode, f.ClosedAt));
        var trackedCounters = db.LiveCounters.Local.ToDictionary(c => (c.Day, c.RegionCode), c => c.Values);
        // A closure needs its case's region; a registration, whether its closure came first. A repeat needs neither.
        var cases = events.Where(e => e.Message is not PetitionLinkedAsRepeat).Select(e => e.CaseId).Where(c => !trackedFacts.ContainsKey(c))
            .Distinct().ToArray();
        var facts = cases.Length == 0 ? trackedFacts
            : (await db.CaseFacts.AsNoTracking().Where(f => cases.Contains(f.CaseId))
                .Select(f => new CaseRegion(f.CaseId, f.RegionCode, f.ClosedAt)).ToListAsync(ct))
                .Concat(trackedFacts.Values).ToDictionary(f => f.CaseId);
        var copies = new HashSet<(DateOnly Day, string Region)>();
        foreach (var e in events)
        {
            var fact = facts.GetValueOrDefault(e.CaseId);
            var region = e.Message switch
            {
                PetitionRegistered m => m.RegionCode,
                PetitionLinkedAsRepeat m => m.RegionCode,
                _ => fact?.RegionCode,
            };
            if (string.IsNullOrEmpty(region)) continue; // a closure before its registration is counted with the registration
            copies.Add((WorkingDays.DayOf(e.OccurredAt), region));
            if (e.Message is PetitionRegistered && fact?.ClosedAt is { } closedAt) copies.Add((WorkingDays.DayOf(closedAt), region));
        }
        try
        {
            foreach (var (day, region) in copies)
            {
                if (trackedCounters.TryGetValue((day, region), out var values)) await store.RaiseAsync(day, region, values);
                else await store.CopyAsync(day, region, ct);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            // The first failure ends the round: Redis down must not cost one timeout per region.
            log.LogWarning(ex, "live counters for {Count} region-days not all written to Redis; they will be counted again when read", copies.Count);
        }
    }

    private sealed record CaseRegion(Guid CaseId, string RegionCode, DateTimeOffset? ClosedAt);
}
