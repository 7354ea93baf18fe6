using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Coordination.ServiceDefaults.Recusal;

/// <summary>
/// Listens on its own connection for <see cref="RecusalCache.Channel"/> and tells the cache of every stored recusal.
/// The cache is used only while this connection listens: a lost connection turns it off until listening again.
/// </summary>
public sealed class RecusalListener(IServiceScopeFactory scopes, RecusalCache cache, TimeProvider clock, ILogger<RecusalListener> log) : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
            connectionString = scope.ServiceProvider.GetRequiredService<ServiceDbContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException("the service's database has no connection string");
        var own = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "recusal-listener", Pooling = false, KeepAlive = 30 };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(own.ConnectionString);
                connection.Notification += (_, _) => cache.Changed();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {RecusalCache.Channel}", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
                cache.Listening(true);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                cache.Listening(false);
                log.LogWarning(ex, "Not listening for recusals (every call reads them meanwhile); trying again in {Retry}", Retry);
                await Task.Delay(Retry, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        cache.Listening(false);
    }
}
