using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Grpc.Reporting;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Coordination.Reporting.Api;

/// <summary>
/// Today's counters per region, kept in Redis for dashboards that are read all day. PostgreSQL stays the truth: the
/// consumers fold each event into live_counters exactly once; after the commit the region's row for that day is
/// written to Redis as absolute values (never increments, so a redelivery or a lost write cannot skew them); a value
/// only grows, so two writers racing cannot put an older figure back. Whatever Redis has lost (a flush, an eviction,
/// a restart) is read again from PostgreSQL when it is asked for.
/// </summary>
public sealed class LiveFigures(ReportingDb db, IConnectionMultiplexer redis, IConfiguration configuration, ILogger<LiveFigures> log)
{
    public static readonly string[] Fields = ["registered", "repeats", "to_beijing", "collective", "closed"];
    private static readonly TimeSpan Keep = TimeSpan.FromDays(3);

    // KEYS: region hash, day's region set, day's "set is complete" mark. ARGV: region, keep seconds, then field/value pairs.
    private const string RaiseScript = """
        for i = 3, #ARGV, 2 do
          local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '-1')
          if tonumber(ARGV[i + 1]) > current then redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        end
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('SADD', KEYS[2], ARGV[1]) end
        return 1
        """;

    private string Prefix => $"{configuration["Database:Name"] ?? "reporting"}:live";
    private string RegionKey(DateOnly day, string region) => $"{Prefix}:{day:yyyy-MM-dd}:{region}";
    private string SetKey(DateOnly day) => $"{Prefix}:{day:yyyy-MM-dd}:regions";
    private string CompleteKey(DateOnly day) => $"{Prefix}:{day:yyyy-MM-dd}:complete";

    /// <summary>After an event committed: copy its region's day from PostgreSQL to Redis. Redis being down loses nothing.</summary>
    public async Task AfterAsync(object message, CancellationToken ct)
    {
        var (caseId, region, at) = message switch
        {
            PetitionRegistered m => (m.CaseId, m.RegionCode, m.OccurredAt),
            PetitionLinkedAsRepeat m => (m.CaseId, m.RegionCode, m.OccurredAt),
            CaseClosed m => (m.CaseId, (string?)null, m.OccurredAt),
            _ => (Guid.Empty, null, default),
        };
        if (caseId == Guid.Empty) return;
        // A closure needs the case's region; a registration, whether its closure came first. A repeat needs neither.
        var fact = message is PetitionLinkedAsRepeat ? null
            : await db.CaseFacts.AsNoTracking().Where(f => f.CaseId == caseId).Select(f => new { f.RegionCode, f.ClosedAt }).FirstOrDefaultAsync(ct);
        region ??= fact?.RegionCode;
        if (string.IsNullOrEmpty(region)) return; // a closure before its registration is counted with the registration
        var days = new HashSet<DateOnly> { WorkingDays.DayOf(at) };
        if (message is PetitionRegistered && fact?.ClosedAt is { } closedAt) days.Add(WorkingDays.DayOf(closedAt));
        try
        {
            foreach (var day in days) await RaiseAsync(day, region, (await CountAsync(day, region, ct)).GetValueOrDefault(region) ?? new int[Fields.Length]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            log.LogWarning(ex, "live counters for {Region} not written to Redis; they will be counted again when read", region);
        }
    }

    public async Task<LiveDashboard> DashboardAsync(string region, DateOnly day, CancellationToken ct)
    {
        var prefix = Jurisdiction.Prefix(region);
        var redisDb = redis.GetDatabase();
        var source = "redis";
        Dictionary<string, int[]> figures;
        try
        {
            if (!await redisDb.KeyExistsAsync(CompleteKey(day)))
            {
                await RecountDayAsync(day, ct);
                source = "postgres";
            }
            var regions = (await redisDb.SetMembersAsync(SetKey(day))).Select(r => r.ToString()).Where(r => r.StartsWith(prefix)).ToList();
            figures = [];
            foreach (var r in regions)
            {
                var hash = await redisDb.HashGetAllAsync(RegionKey(day, r));
                if (hash.Length == 0)
                {
                    var counted = await CountAsync(day, r, ct);
                    figures[r] = counted.GetValueOrDefault(r) ?? new int[Fields.Length];
                    await RaiseAsync(day, r, figures[r]);
                    source = "postgres";
                    continue;
                }
                var values = hash.ToDictionary(h => h.Name.ToString(), h => (int)h.Value);
                figures[r] = [.. Fields.Select(f => values.GetValueOrDefault(f))];
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            log.LogWarning(ex, "Redis unavailable; the live dashboard is counted from PostgreSQL");
            figures = (await CountAsync(day, null, ct)).Where(kv => kv.Key.StartsWith(prefix)).ToDictionary();
            source = "postgres";
        }
        var rows = figures.Select(kv => Row(kv.Key, kv.Value)).OrderByDescending(r => r.Registered).ThenByDescending(r => r.Repeats).ThenBy(r => r.RegionCode).ToList();
        var total = Row(region, [.. Enumerable.Range(0, Fields.Length).Select(i => figures.Values.Sum(v => v[i]))]);
        return new LiveDashboard { Day = day.ToString("yyyy-MM-dd"), Total = total, Regions = { rows }, Source = source };
    }

    /// <summary>The day's figures from PostgreSQL, per region (one region, or all when null): the truth Redis copies.</summary>
    public async Task<Dictionary<string, int[]>> CountAsync(DateOnly day, string? region, CancellationToken ct) =>
        await db.LiveCounters.AsNoTracking().Where(c => c.Day == day && (region == null || c.RegionCode == region))
            .ToDictionaryAsync(c => c.RegionCode, c => c.Values, ct);

    /// <summary>Every region's figures of the day from PostgreSQL into Redis, then the mark that the region set is whole.</summary>
    private async Task RecountDayAsync(DateOnly day, CancellationToken ct)
    {
        var redisDb = redis.GetDatabase();
        var counts = await CountAsync(day, null, ct);
        foreach (var (r, values) in counts) await RaiseAsync(day, r, values);
        if (counts.Count > 0) await redisDb.SetAddAsync(SetKey(day), counts.Keys.Select(k => (RedisValue)k).ToArray());
        await redisDb.KeyExpireAsync(SetKey(day), Keep);
        await redisDb.StringSetAsync(CompleteKey(day), "1", Keep);
        // A region whose first event committed while the set was being written: count once more and add it.
        var late = (await CountAsync(day, null, ct)).Keys.Select(k => (RedisValue)k).ToArray();
        if (late.Length > 0) await redisDb.SetAddAsync(SetKey(day), late);
    }

    private async Task RaiseAsync(DateOnly day, string region, int[] values)
    {
        var args = new List<RedisValue> { region, (long)Keep.TotalSeconds };
        for (var i = 0; i < Fields.Length; i++) args.AddRange([Fields[i], values[i]]);
        await redis.GetDatabase().ScriptEvaluateAsync(RaiseScript,
            [RegionKey(day, region), SetKey(day), CompleteKey(day)], [.. args]);
    }

    private static LiveCounters Row(string region, int[] v) => new()
    {
        RegionCode = region, Registered = v[0], Repeats = v[1], ToBeijing = v[2], Collective = v[3], Closed = v[4],
    };
}
