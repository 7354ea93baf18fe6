using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.ServiceDefaults.Health;

/// <summary>
/// Keeps the outbox and queue gauges current when nobody polls health (Health:SampleInterval). A failed reading is
/// logged and left for the next round: the gauges are an aid, never a reason to stop.
/// </summary>
public sealed class HealthSampler(IServiceProvider services, IOptions<HealthOptions> options, TimeProvider clock, ILogger<HealthSampler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await services.GetRequiredService<OutboxBacklogProbe>().ReadAsync(stoppingToken);
                await services.GetRequiredService<StoreProbe>().ReadAsync(stoppingToken);
                if (services.GetService<QueueProbe>() is { } queues) await queues.ReadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "outbox or queue gauges not refreshed");
            }
        }
    }
}
