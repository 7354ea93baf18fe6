using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Publishes committed outbox rows in batches. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
/// replicas share the work; a row is deleted only after the broker confirmed it, so a crash re-publishes
/// (at least once) and the consumers' inbox makes that exactly once in effect.
/// </summary>
public sealed class OutboxRelay<TDb>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TDb>> log) : BackgroundService where TDb : ServiceDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RelayEnabled)
        {
            log.LogWarning("Outbox relay disabled: committed messages stay in the outbox");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await PublishBatchAsync(settings.BatchSize, stoppingToken);
                if (sent < settings.BatchSize) await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Unsent rows stay and are retried forever; nothing is dropped.
                log.LogError(ex, "Outbox relay failed; retrying in {Delay}", settings.RetryDelay);
                await Task.Delay(settings.RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public async Task<int> PublishBatchAsync(int batchSize, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.OutboxMessages
            .FromSqlRaw("SELECT * FROM outbox_messages ORDER BY sequence LIMIT {0} FOR UPDATE SKIP LOCKED", batchSize)
            .AsNoTracking()
            .ToListAsync(ct);
        if (rows.Count == 0) return 0;

        await Task.WhenAll(rows.Select(row => PublishAsync(row, ct)));

        var ids = rows.Select(r => r.Id).ToArray();
        await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        var type = MessageTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, ServiceDbContext.Json)
            ?? throw new InvalidOperationException($"outbox row {row.Id} has an empty body");
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = OutboxActivity.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        await bus.Publish(message, type, context =>
        {
            // The outbox id is the message id: the consumers' inbox dedupes a re-publication after a crash.
            context.MessageId = row.Id;
            if (row.CorrelationId is { } correlation) context.CorrelationId = correlation;
        }, ct);
    }
}
