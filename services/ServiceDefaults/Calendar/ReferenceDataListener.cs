using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Coordination.ServiceDefaults.Calendar;

/// <summary>
/// LISTENs on the service's database for reference data changes and makes every cache forget. A lost connection
/// could miss a notice, so every cache also forgets whenever the listener (re)connects.
/// </summary>
public sealed class ReferenceDataListener(IServiceScopeFactory scopes, ReferenceDataSignals signals, ILogger<ReferenceDataListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
            connectionString = scope.ServiceProvider.GetRequiredService<ServiceDbContext>().Database.GetConnectionString()!;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signals.Changed();
                await using (var listen = new NpgsqlCommand($"LISTEN {ReferenceDataSignals.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                signals.Changed();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "reference data listener lost its connection; caches re-read until it is back");
                signals.Changed();
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
