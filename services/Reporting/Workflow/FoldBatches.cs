using System.Threading.Channels;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// Group commit for Reporting's folds (issue 15): the events consumed while a fold transaction is running wait, and the
/// next transaction folds them all — the inbox per message, the event log and every read model — then the after-commit
/// steps run once for the batch. Under no load a batch is one event and waits for nothing; under load one commit
/// serves dozens. A batch that fails is folded again one event at a time, so an event that can never be folded fails
/// alone (and is retried, redelivered or parked on its own) and never takes its neighbours with it.
/// </summary>
public sealed class FoldBatches(IServiceScopeFactory scopes, ReadModels readModels, TimeProvider clock, ILogger<FoldBatches> log) : BackgroundService
{
    /// <summary>At most this many events in one transaction: the consumers' concurrency (64 a queue) bounds it anyway.</summary>
    public const int MaxBatch = 256;

    private long _transactions, _events;

    /// <summary>Fold transactions committed or tried since start (a batch that failed and was folded one by one counts each).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Events handed to a fold since start, copies and redeliveries included.</summary>
    public long Events => Interlocked.Read(ref _events);

    private readonly Channel<PendingFold> _pending = Channel.CreateUnbounded<PendingFold>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes when the event's fold has committed (or was already applied) and the after-commit steps ran.</summary>
    public Task FoldAsync(EventEnvelope e, string consumer, CancellationToken ct)
    {
        var fold = new PendingFold(e, consumer);
        Interlocked.Increment(ref _events);
        if (!_pending.Writer.TryWrite(fold)) throw new OperationCanceledException("Reporting is stopping");
        return fold.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingFold>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var fold)) batch.Add(fold);
                await FoldAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Whatever still waits is not folded: its consumers are cancelled, and the broker delivers the messages again.
        _pending.Writer.TryComplete();
        while (_pending.Reader.TryRead(out var left)) left.Done.TrySetCanceled(stoppingToken);
    }

    private async Task FoldAsync(List<PendingFold> batch, CancellationToken ct)
    {
        try
        {
            await FoldTogetherAsync(batch, ct);
            foreach (var fold in batch) fold.Done.TrySetResult();
            return;
        }
        catch (Exception ex) when (batch.Count > 1 && !ct.IsCancellationRequested)
        {
            log.LogDebug(ex, "A batch of {Count} folds failed; folding them one at a time", batch.Count);
        }
        catch (Exception ex)
        {
            foreach (var fold in batch) fold.Done.TrySetException(ex);
            return;
        }
        foreach (var fold in batch)
        {
            try
            {
                await FoldTogetherAsync([fold], ct);
                fold.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                fold.Done.TrySetException(ex);
            }
        }
    }

    private async Task FoldTogetherAsync(IReadOnlyList<PendingFold> batch, CancellationToken ct)
    {
        Interlocked.Increment(ref _transactions);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDb>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var keys = batch.Select(f => (f.Event.MessageId, f.Consumer)).Distinct().ToList();
            var fresh = await db.ClaimAsync(keys, clock.GetUtcNow(), ct);
            foreach (var fold in batch)
            {
                // Removed once folded: a second copy of a message in the same batch is skipped like a redelivery.
                if (!fresh.Remove((fold.Event.MessageId, fold.Consumer))) continue;
                var e = fold.Event;
                db.EventLog.Add(LoggedEvents.Entry(e.MessageId, e.Message, e.CaseId, e.OccurredAt));
                await readModels.ApplyAsync(db, e, ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        // Committed. These run for applied and skipped events alike: a redelivery after a crash between the two repeats them.
        var events = batch.Select(f => f.Event).ToList();
        foreach (var step in scope.ServiceProvider.GetServices<IAfterCommit>())
        {
            var followed = events.Where(e => step.Follows.Contains(e.Message.GetType())).ToList();
            if (followed.Count > 0) await step.RunAsync(followed, ct);
        }
    }

    private sealed record PendingFold(EventEnvelope Event, string Consumer)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
