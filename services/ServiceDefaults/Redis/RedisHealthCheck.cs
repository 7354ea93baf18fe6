using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Coordination.ServiceDefaults.Redis;

/// <summary>Degraded when Redis does not answer: every use of Redis falls back to PostgreSQL, so the service still serves.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!redis.IsConnected) return HealthCheckResult.Degraded("Redis is not connected; reading PostgreSQL instead");
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            return HealthCheckResult.Degraded("Redis does not answer; reading PostgreSQL instead", ex);
        }
    }
}
