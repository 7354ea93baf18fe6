using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// The engine of group commit (issue 15): work handed in while a transaction runs waits, and the next transaction takes
/// all of it that fits together. Under no load a group is one item and waits for nothing; under load one commit serves
/// dozens. A group that fails is tried again one item at a time, so an item that can never succeed fails alone and never
/// takes its neighbours with it. <c>concurrency</c> groups run at once, so one slow transaction does not hold up the rest.
/// Consumers' effects (<see cref="GroupCommit{TDb}"/>) and Intake's registrations are its two uses.
/// </summary>
public abstract class CommitGroups<TItem, TResult>(int concurrency, int maxGroup, ILogger log) : BackgroundService
{
    private readonly Channel<Waiter> _pending = Channel.CreateUnbounded<Waiter>();
    private long _transactions, _items, _failedGroups;

    /// <summary>Transactions tried since start (a failed group tried again one by one counts each).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Groups of more than one item that failed and were tried again one item at a time, since start.</summary>
    public long FailedGroups => Interlocked.Read(ref _failedGroups);

    /// <summary>Items handed in since start.</summary>
    public long Items => Interlocked.Read(ref _items);

    /// <summary>Commits the items together, in the order given; returns one result per item, in that order.</summary>
    protected abstract Task<IReadOnlyList<TResult>> CommitTogetherAsync(IReadOnlyList<TItem> group, CancellationToken ct);

    /// <summary>
    /// What an item must not share with another in its group: one that shares a key with an item already in the group
    /// waits for the next group of the same loop. Asked once an item; a loop checks each item against a set of its
    /// group's keys, not against every item (a pairwise look had cost a group of 64 two thousand comparisons).
    /// </summary>
    protected virtual IReadOnlyCollection<string> ExclusiveKeys(TItem item) => [];

    /// <summary>Completes once the item's group has committed (or the item failed alone).</summary>
    protected Task<TResult> CommitAsync(TItem item, CancellationToken ct)
    {
        var waiter = new Waiter(item, ExclusiveKeys(item), ct);
        Interlocked.Increment(ref _items);
        if (!_pending.Writer.TryWrite(waiter)) throw new OperationCanceledException("the service is stopping");
        return waiter.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, Math.Clamp(concurrency, 1, 32)).Select(_ => Task.Run(() => LoopAsync(stoppingToken), CancellationToken.None));
        await Task.WhenAll(loops);
        // Whatever still waits is not committed: its callers are cancelled (a consumer's broker delivers the message again).
        _pending.Writer.TryComplete();
        while (_pending.Reader.TryRead(out var left)) left.Done.TrySetCanceled(stoppingToken);
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var group = new List<Waiter>(maxGroup);
        var items = new List<TItem>(maxGroup);
        var carried = new Queue<Waiter>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (carried.Count > 0 || await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                group.Clear();
                items.Clear();
                taken.Clear();
                var waitingFor = carried.Count;
                // Carried items first (they waited a group already), then whatever has arrived, each if it fits.
                while (group.Count < maxGroup && (waitingFor-- > 0 ? carried.TryDequeue(out var next) : _pending.Reader.TryRead(out next)))
                {
                    if (next.Cancelled) { next.Done.TrySetCanceled(next.Token); continue; }
                    if (next.Keys.Count > 0 && !TakeKeys(taken, next.Keys)) { carried.Enqueue(next); continue; }
                    group.Add(next);
                    items.Add(next.Item);
                }
                if (group.Count > 0) await CommitGroupAsync(group, items, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (carried.TryDequeue(out var left)) left.Done.TrySetCanceled(stoppingToken);
        }
    }

    /// <summary>Adds the keys to the group's if it holds none of them yet; otherwise changes nothing.</summary>
    private static bool TakeKeys(HashSet<string> taken, IReadOnlyCollection<string> keys)
    {
        foreach (var key in keys)
            if (taken.Contains(key)) return false;
        foreach (var key in keys) taken.Add(key);
        return true;
    }

    private async Task CommitGroupAsync(List<Waiter> group, List<TItem> items, CancellationToken ct)
    {
        try
        {
            Interlocked.Increment(ref _transactions);
            var results = await CommitTogetherAsync(items, ct);
            for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(results[i]);
            return;
        }
        catch (Exception ex) when (group.Count > 1 && !ct.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failedGroups);
            log.LogDebug(ex, "A group of {Count} failed; committing them one at a time", group.Count);
        }
        catch (Exception ex)
        {
            foreach (var w in group) w.Done.TrySetException(ex);
            return;
        }
        foreach (var w in group)
        {
            try
            {
                Interlocked.Increment(ref _transactions);
                w.Done.TrySetResult((await CommitTogetherAsync([w.Item], ct))[0]);
            }
            catch (Exception ex)
            {
                w.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Compared by reference: two copies of one message are two waiters.</summary>
    private sealed class Waiter(TItem item, IReadOnlyCollection<string> keys, CancellationToken token)
    {
        public TItem Item => item;
        public IReadOnlyCollection<string> Keys => keys;
        public CancellationToken Token => token;
        /// <summary>Its caller went away before its group began: it is not committed.</summary>
        public bool Cancelled => token.IsCancellationRequested;
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
