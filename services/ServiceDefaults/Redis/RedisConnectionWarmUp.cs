using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Coordination.ServiceDefaults.Redis;

/// <summary>
/// Makes the multiplexer at start. Its first connection waits up to Redis:ConnectTimeoutMs even when Redis is
/// unreachable; made lazily, the first registration would have waited for it.
/// </summary>
public sealed class RedisConnectionWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        _ = services.GetRequiredService<IConnectionMultiplexer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
