using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Deletes inbox rows older than Outbox:InboxRetention, every Outbox:InboxPruneInterval, in bounded statements. The
/// retention outlives every redelivery of a message (checked at start against RabbitMq:Redelivery), so a late copy
/// still finds its id. processed_at is written by the service's clock, so the age is read by the same clock.
/// </summary>
public sealed class InboxPruner<TDb>(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<InboxPruner<TDb>> log) : BackgroundService where TDb : ServiceDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            // First after one interval: a start-up has better things to do, and nothing is urgent here.
            await Task.Delay(settings.InboxPruneInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested) return;
            try
            {
                var pruned = await PruneAsync(clock.GetUtcNow() - settings.InboxRetention, stoppingToken);
                if (pruned > 0) log.LogInformation("Inbox pruned: {Count} message ids older than {Retention}", pruned, settings.InboxRetention);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next round tries again; a bigger inbox in the meantime harms nothing.
                log.LogWarning(ex, "Inbox pruning failed; next try in {Interval}", settings.InboxPruneInterval);
            }
        }
    }

    /// <summary>Deletes the inbox rows processed before <paramref name="before"/>, a bounded batch per statement and transaction.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        var batch = options.Value.InboxPruneBatch;
        var total = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        while (true)
        {
            var deleted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                DELETE FROM inbox_messages WHERE ctid IN (SELECT ctid FROM inbox_messages WHERE processed_at < {before.ToUniversalTime()} LIMIT {batch})
                """, ct);
            total += deleted;
            if (deleted < batch) return total;
        }
    }
}
