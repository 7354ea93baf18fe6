using Coordination.Grpc.Reporting;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Auth;
using StackExchange.Redis;

namespace Coordination.Reporting.Api;

/// <summary>The live dashboard of a jurisdiction's day: from Redis, or from PostgreSQL for whatever Redis has lost or when it is down.</summary>
public sealed class LiveDashboards(LiveCounterStore store, ILogger<LiveDashboards> log)
{
    public async Task<GetLiveDashboardResponse> DashboardAsync(string region, DateOnly day, CancellationToken ct)
    {
        var prefix = Jurisdiction.Prefix(region);
        var source = "redis";
        Dictionary<string, int[]> figures;
        try
        {
            if (!await store.HoldsDayAsync(day))
            {
                await store.RecountDayAsync(day, ct);
                source = "postgres";
            }
            figures = [];
            foreach (var r in (await store.RegionsAsync(day)).Where(r => r.StartsWith(prefix)))
            {
                if (await store.ReadAsync(day, r) is { } held)
                {
                    figures[r] = held;
                    continue;
                }
                figures[r] = (await store.CountAsync(day, r, ct)).GetValueOrDefault(r) ?? new int[LiveCounterStore.Fields.Length];
                await store.RaiseAsync(day, r, figures[r]);
                source = "postgres";
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            log.LogWarning(ex, "Redis unavailable; the live dashboard is counted from PostgreSQL");
            figures = (await store.CountAsync(day, null, ct)).Where(kv => kv.Key.StartsWith(prefix)).ToDictionary();
            source = "postgres";
        }
        var rows = figures.Select(kv => Row(kv.Key, kv.Value)).OrderByDescending(r => r.Registered).ThenByDescending(r => r.Repeats).ThenBy(r => r.RegionCode).ToList();
        var total = Row(region, [.. Enumerable.Range(0, LiveCounterStore.Fields.Length).Select(i => figures.Values.Sum(v => v[i]))]);
        return new GetLiveDashboardResponse { Day = day.ToString("yyyy-MM-dd"), Total = total, Regions = { rows }, Source = source };
    }

    private static LiveCounters Row(string region, int[] v) => new()
    {
        RegionCode = region, Registered = v[0], Repeats = v[1], ToBeijing = v[2], Collective = v[3], Closed = v[4],
    };
}
