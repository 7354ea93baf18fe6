using Coordination.ServiceDefaults.Redis;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Coordination.Reporting.Persistence;

/// <summary>
/// Today's counters per region, copied to Redis for dashboards that are read all day. PostgreSQL (live_counters) stays
/// the truth. Redis is written absolute values (never increments, so a redelivery or a lost write cannot skew them);
/// a value only grows, so two writers racing cannot put an older figure back. Whatever Redis has lost (a flush, an
/// eviction, a restart) is read again from PostgreSQL when it is asked for. Redis failures are counted here
/// (RedisFallbacks) and still thrown: each caller falls back to PostgreSQL (ADR 11).
/// </summary>
public sealed class LiveCounterStore(ReportingDb db, IConnectionMultiplexer redis, RedisFallbacks fallbacks, IConfiguration configuration)
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

    /// <summary>The day's figures from PostgreSQL, per region (one region, or all when null): the truth Redis copies.</summary>
    public async Task<Dictionary<string, int[]>> CountAsync(DateOnly day, string? region, CancellationToken ct) =>
        await db.LiveCounters.AsNoTracking().Where(c => c.Day == day && (region == null || c.RegionCode == region))
            .ToDictionaryAsync(c => c.RegionCode, c => c.Values, ct);

    /// <summary>Copies a region's day from PostgreSQL to Redis, raising each figure that Redis holds lower.</summary>
    public async Task CopyAsync(DateOnly day, string region, CancellationToken ct)
    {
        var values = (await CountAsync(day, region, ct)).GetValueOrDefault(region) ?? new int[Fields.Length];
        await CountingFailures("reporting.live_counters.write", () => RaiseCoreAsync(day, region, values));
    }

    /// <summary>Whether Redis holds the whole set of the day's regions (else it must be recounted first).</summary>
    public Task<bool> HoldsDayAsync(DateOnly day) =>
        CountingFailures("reporting.live_counters.read", () => redis.GetDatabase().KeyExistsAsync(CompleteKey(day)));

    public Task<List<string>> RegionsAsync(DateOnly day) => CountingFailures("reporting.live_counters.read", async () =>
        (List<string>)[.. (await redis.GetDatabase().SetMembersAsync(SetKey(day))).Select(r => r.ToString())]);

    /// <summary>A region's figures of the day in Redis, or null where Redis has lost them.</summary>
    public Task<int[]?> ReadAsync(DateOnly day, string region) => CountingFailures("reporting.live_counters.read", async () =>
    {
        var hash = await redis.GetDatabase().HashGetAllAsync(RegionKey(day, region));
        if (hash.Length == 0) return null;
        var values = hash.ToDictionary(h => h.Name.ToString(), h => (int)h.Value);
        return (int[]?)[.. Fields.Select(f => values.GetValueOrDefault(f))];
    });

    /// <summary>Every region's figures of the day from PostgreSQL into Redis, then the mark that the region set is whole.</summary>
    public Task RecountDayAsync(DateOnly day, CancellationToken ct) => CountingFailures("reporting.live_counters.write", async () =>
    {
        var redisDb = redis.GetDatabase();
        var counts = await CountAsync(day, null, ct);
        foreach (var (r, values) in counts) await RaiseCoreAsync(day, r, values);
        if (counts.Count > 0) await redisDb.SetAddAsync(SetKey(day), counts.Keys.Select(k => (RedisValue)k).ToArray());
        await redisDb.KeyExpireAsync(SetKey(day), Keep);
        await redisDb.StringSetAsync(CompleteKey(day), "1", Keep);
        // A region whose first event committed while the set was being written: count once more and add it.
        var late = (await CountAsync(day, null, ct)).Keys.Select(k => (RedisValue)k).ToArray();
        if (late.Length > 0) await redisDb.SetAddAsync(SetKey(day), late);
        return true;
    });

    public Task RaiseAsync(DateOnly day, string region, int[] values) =>
        CountingFailures("reporting.live_counters.write", () => RaiseCoreAsync(day, region, values));

    private async Task<bool> RaiseCoreAsync(DateOnly day, string region, int[] values)
    {
        var args = new List<RedisValue> { region, (long)Keep.TotalSeconds };
        for (var i = 0; i < Fields.Length; i++) args.AddRange([Fields[i], values[i]]);
        await redis.GetDatabase().ScriptEvaluateAsync(RaiseScript,
            [RegionKey(day, region), SetKey(day), CompleteKey(day)], [.. args]);
        return true;
    }

    /// <summary>Counts a Redis failure once, at the public call that met it, and lets it through to the caller's fallback.</summary>
    private async Task<T> CountingFailures<T>(string use, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            fallbacks.Record(use);
            throw;
        }
    }
}
