using Coordination.ServiceDefaults.Telemetry;
using System.Diagnostics;
using Coordination.Contracts.Topology;
using Coordination.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Publishes committed outbox rows in batches (ADR 1, ADR 10). Rows are claimed with FOR UPDATE SKIP LOCKED, so several
/// replicas share the work; a row is deleted only after the broker confirmed it, so a crash re-publishes (at least
/// once) and the consumers' inbox makes that exactly once in effect. The outbox never blocks: a row that can never be
/// published is quarantined with its reason, a row the broker returns (mandatory publish, no queue yet) waits with a
/// back-off, and the rest of the batch goes on. A case's rows go one after the other, never past an earlier one.
/// </summary>
public sealed class OutboxRelay<TDb>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    SubscriberQueues subscribers,
    IOptions<OutboxOptions> options,
    CoordinationMetrics metrics,
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
        // The loops claim as replicas do (SKIP LOCKED; a case's rows in order, OutboxClaim): some claim what was committed
        // while others wait for their batches' broker confirms (ADR 38). Only the first polls for rows this replica was
        // not told of (other replicas', rows due again); the others wait for a commit here, so an idle replica claims no
        // more often than with one loop.
        var vacuum = new OutboxVacuum(settings.VacuumAfterDeleted);
        await Task.WhenAll(Enumerable.Range(0, Math.Clamp(settings.RelayLoops, 1, OutboxOptions.MaxRelayLoops))
            .Select(loop => Task.Run(() => RelayAsync(settings, loop == 0 ? settings.PollInterval : Timeout.InfiniteTimeSpan, vacuum, stoppingToken),
                CancellationToken.None)));
    }

    /// <param name="poll">The longest wait for a commit before claiming anyway.</param>
    private async Task RelayAsync(OutboxOptions settings, TimeSpan poll, OutboxVacuum vacuum, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!subscribers.Declared && !await DeclareSubscribersAsync(settings, stoppingToken)) continue;
                var batch = await PublishBatchAsync(settings.BatchSize, stoppingToken);
                if (vacuum.Counts(batch.Published)) await VacuumAsync(stoppingToken);
                if (batch.Failed > 0)
                {
                    // The broker is failing: the rows stay and are retried forever; nothing is dropped.
                    log.LogError(batch.FirstError, "Outbox relay: the broker failed {Failed} of {Claimed} messages; retrying in {Delay}",
                        batch.Failed, batch.Claimed, settings.RetryDelay);
                    await Task.Delay(settings.RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
                else if (batch.Settled < settings.BatchSize)
                    await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // PostgreSQL failed: the batch rolled back and its rows are claimed again.
                log.LogError(ex, "Outbox relay failed; retrying in {Delay}", settings.RetryDelay);
                await Task.Delay(settings.RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public async Task<OutboxBatch> PublishBatchAsync(int batchSize, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (rows, firstUnclaimed) = await OutboxClaim.ClaimAsync(db, batchSize, ct);
        if (rows.Count == 0) return OutboxBatch.Empty;

        var lanes = OutboxLanes.Plan(rows, firstUnclaimed);
        var results = (await Task.WhenAll(lanes.Select(lane => PublishLaneAsync(lane, ct)))).SelectMany(r => r).ToList();

        var published = results.Where(r => r.Outcome == OutboxRowOutcome.Published).Select(r => r.Row.Id).ToArray();
        if (published.Length > 0) await db.OutboxMessages.Where(m => published.Contains(m.Id)).ExecuteDeleteAsync(ct);
        var quarantined = 0;
        var deferred = 0;
        // The transaction's start, as the claim's now() saw it: one clock for every row's bookkeeping, whatever the service's clock says.
        DateTimeOffset? now = null;
        foreach (var result in results.Where(r => r.Outcome is OutboxRowOutcome.Unreadable or OutboxRowOutcome.Unroutable))
        {
            now ??= await db.Database.SqlQuery<DateTimeOffset>($"SELECT now() AS \"Value\"").SingleAsync(ct);
            if (result.Outcome == OutboxRowOutcome.Unreadable)
            {
                await QuarantineAsync(db, result.Row, now.Value, result.Reason!, ct);
                quarantined++;
            }
            else if (await DeferAsync(db, result.Row, now.Value, ct)) quarantined++;
            else deferred++;
        }
        await tx.CommitAsync(ct);
        if (published.Length > 0) metrics.Published(published.Length);
        var failed = results.Where(r => r.Outcome == OutboxRowOutcome.Failed).ToList();
        return new OutboxBatch(rows.Count, published.Length, quarantined, deferred, failed.Count, failed.FirstOrDefault()?.Error);
    }

    private async Task VacuumAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await OutboxVacuum.RunAsync(scope.ServiceProvider.GetRequiredService<TDb>(), log, ct);
    }

    /// <summary>Nothing goes out before every subscriber's queue exists (ADR 10); the broker down only delays it.</summary>
    private async Task<bool> DeclareSubscribersAsync(OutboxOptions settings, CancellationToken ct)
    {
        try
        {
            await subscribers.EnsureDeclaredAsync(ct);
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "Outbox relay: could not declare the subscriber queues; retrying in {Delay}", settings.RetryDelay);
            await Task.Delay(settings.RetryDelay, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return false;
        }
    }

    /// <summary>One case's rows in order; the first that does not go out stops the lane, so nothing overtakes it.</summary>
    private async Task<List<OutboxRowResult>> PublishLaneAsync(IReadOnlyList<OutboxMessage> lane, CancellationToken ct)
    {
        var results = new List<OutboxRowResult>(lane.Count);
        foreach (var row in lane)
        {
            var result = await PublishAsync(row, ct);
            results.Add(result);
            if (result.Outcome != OutboxRowOutcome.Published) break;
        }
        return results;
    }

    private async Task<OutboxRowResult> PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        if (!OutboxRowReader.TryRead(row, out var type, out var message, out var reason))
            return new OutboxRowResult(row, OutboxRowOutcome.Unreadable, reason);
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = OutboxActivity.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        try
        {
            await bus.Publish(message, type, context =>
            {
                // The outbox id is the message id: the consumers' inbox dedupes a re-publication after a crash.
                context.MessageId = row.Id;
                if (row.CorrelationId is { } correlation) context.CorrelationId = correlation;
                // The broker returns what no queue takes, instead of dropping it: the row stays until its queue exists. An
                // event nobody subscribes to (published for later subscribers and the trace) goes out without the flag.
                context.Mandatory = Subscriptions.HasSubscribers(type);
            }, ct);
            return new OutboxRowResult(row, OutboxRowOutcome.Published);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return OutboxBackoff.IsReturned(ex)
                ? new OutboxRowResult(row, OutboxRowOutcome.Unroutable, ex.Message)
                : new OutboxRowResult(row, OutboxRowOutcome.Failed, Error: ex);
        }
    }

    private async Task QuarantineAsync(TDb db, OutboxMessage row, DateTimeOffset now, string reason, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE outbox_messages SET quarantined_at = {now}, quarantine_reason = {Fit(reason)} WHERE id = {row.Id}", ct);
        // Logged once: a quarantined row is not claimed again until an operator releases it.
        log.LogError("Outbox message {MessageId} ({MessageType}, case {CaseId}) quarantined: {Reason}; later messages of its case wait for it",
            row.Id, row.MessageType, row.CorrelationId, reason);
    }

    /// <summary>The column holds 2000 characters; a JSON error quoting a long body must not fail the batch that quarantines it.</summary>
    private static string Fit(string reason) => reason.Length <= 2000 ? reason : reason[..1997] + "...";

    /// <returns>True when the row has been unroutable too long and was quarantined.</returns>
    private async Task<bool> DeferAsync(TDb db, OutboxMessage row, DateTimeOffset now, CancellationToken ct)
    {
        var retry = OutboxBackoff.AfterReturn(row, now, options.Value);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE outbox_messages SET attempts = {retry.Attempts}, unroutable_since = {retry.UnroutableSince}, next_attempt_at = {retry.NextAttemptAt},
                quarantined_at = {(retry.Quarantined ? now : null)}, quarantine_reason = {(retry.QuarantineReason is { } r ? Fit(r) : null)}
            WHERE id = {row.Id}
            """, ct);
        if (retry.Quarantined)
            log.LogError("Outbox message {MessageId} ({MessageType}, case {CaseId}) quarantined: {Reason}",
                row.Id, row.MessageType, row.CorrelationId, retry.QuarantineReason);
        else if (retry.Attempts == 1)
            // Once per row, not once per try: a first start can return many events for a few seconds.
            log.LogWarning("Outbox message {MessageId} ({MessageType}) was returned by the broker: no queue is bound for it yet; " +
                "it stays in the outbox and is tried again, backing off up to {Max}", row.Id, row.MessageType, options.Value.UnroutableRetryMax);
        else
            log.LogDebug("Outbox message {MessageId} still unroutable after {Attempts} tries", row.Id, retry.Attempts);
        return retry.Quarantined;
    }
}
