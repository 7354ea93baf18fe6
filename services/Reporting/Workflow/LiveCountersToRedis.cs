using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// After an event that moves a live counter committed: copy its region's day from PostgreSQL to Redis. Redis being
/// down loses nothing: the dashboard counts again from PostgreSQL what Redis does not hold.
/// </summary>
public sealed class LiveCountersToRedis(ReportingDb db, LiveCounterStore store, ILogger<LiveCountersToRedis> log) : IAfterCommit
{
    public IReadOnlySet<Type> Follows { get; } = new HashSet<Type> { typeof(PetitionRegistered), typeof(PetitionLinkedAsRepeat), typeof(CaseClosed) };

    public async Task RunAsync(EventEnvelope e, CancellationToken ct)
    {
        var region = e.Message switch
        {
            PetitionRegistered m => m.RegionCode,
            PetitionLinkedAsRepeat m => m.RegionCode,
            _ => null,
        };
        // A closure needs the case's region; a registration, whether its closure came first. A repeat needs neither.
        var fact = e.Message is PetitionLinkedAsRepeat ? null
            : await db.CaseFacts.AsNoTracking().Where(f => f.CaseId == e.CaseId).Select(f => new { f.RegionCode, f.ClosedAt }).FirstOrDefaultAsync(ct);
        region ??= fact?.RegionCode;
        if (string.IsNullOrEmpty(region)) return; // a closure before its registration is counted with the registration
        var days = new HashSet<DateOnly> { WorkingDays.DayOf(e.OccurredAt) };
        if (e.Message is PetitionRegistered && fact?.ClosedAt is { } closedAt) days.Add(WorkingDays.DayOf(closedAt));
        try
        {
            foreach (var day in days) await store.CopyAsync(day, region, ct);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            log.LogWarning(ex, "live counters for {Region} not written to Redis; they will be counted again when read", region);
        }
    }
}
