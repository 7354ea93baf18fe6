using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Coordination.ServiceDefaults.Redis;

public static class RedisExtensions
{
    /// <summary>
    /// One shared multiplexer from Redis:Configuration. Redis only ever holds copies (ADR 11): every command has a short
    /// limit (Redis:TimeoutMs), a command issued while the connection is down fails at once instead of queueing until
    /// that limit, and an outage makes health Degraded, never Unhealthy, so readiness does not depend on Redis.
    /// </summary>
    public static WebApplicationBuilder AddRedis(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Redis").Get<RedisOptions>() ?? new RedisOptions();
        var options = ConfigurationOptions.Parse(settings.Configuration);
        options.AbortOnConnectFail = false; // start without Redis and connect when it comes back
        options.ConnectTimeout = settings.ConnectTimeoutMs;
        options.SyncTimeout = settings.TimeoutMs;
        options.AsyncTimeout = settings.TimeoutMs;
        // The default backlog holds commands while reconnecting until their timeout: every call would pay it in full.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHostedService<RedisConnectionWarmUp>();
        builder.Services.AddSingleton<RedisFallbacks>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", failureStatus: HealthStatus.Degraded, tags: ["ready"],
            timeout: TimeSpan.FromMilliseconds(settings.TimeoutMs * 4L));
        return builder;
    }
}
