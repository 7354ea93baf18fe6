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
public sealed class LiveCountersToRedis(ReportingDb db, LiveCounterStore store, CommittedRows committed, ILogger<LiveCountersToRedis> log)
    : IAfterCommit
{
    public IReadOnlySet<Type> Follows { get; } = new HashSet<Type> { typeof(PetitionRegistered), typeof(PetitionLinkedAsRepeat), typeof(CaseClosed) };

    public async Task RunAsync(IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        // What the batch's transaction locked and wrote (CommittedRows), with the values it committed, needs no read. Only a
        // redelivered event's rows (skipped by the inbox, not in the batch) are read from PostgreSQL (issue 15: a read of
        // facts a batch and of counters a region had been the rule).
        // A closure needs its case's region; a registration, whether its closure came first. A repeat needs neither.
        var cases = events.Where(e => e.Message is not PetitionLinkedAsRepeat).Select(e => e.CaseId).Where(c => !committed.Facts.ContainsKey(c))
            .Distinct().ToArray();
        var read = cases.Length == 0 ? [] : await db.CaseFacts.AsNoTracking().Where(f => cases.Contains(f.CaseId)).ToListAsync(ct);
        var facts = committed.Facts.Values.Concat(read).ToDictionary(f => f.CaseId);
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
                if (committed.Counters.TryGetValue((day, region), out var counter)) await store.RaiseAsync(day, region, counter.Values);
                else await store.CopyAsync(day, region, ct);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            // The first failure ends the round: Redis down must not cost one timeout per region.
            log.LogWarning(ex, "live counters for {Count} region-days not all written to Redis; they will be counted again when read", copies.Count);
        }
    }
}
