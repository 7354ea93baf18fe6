using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Group commit for consumers whose effect is a few rows in their own database (issue 15; the engine is
/// <see cref="CommitGroups{TItem, TResult}"/>): the messages consumed while a
/// transaction is running wait, and the next transaction applies them all — the inbox per message (InboxClaims), each
/// effect in arrival order, one SaveChanges, one commit — then the service's after-commit steps
/// (<see cref="IAfterGroupCommit{TDb}"/>) run once for the batch. Under no load a batch is one message and waits for
/// nothing; under load one commit serves dozens. A batch that fails is applied again one message at a time, so a
/// message that can never succeed fails alone (and is retried, redelivered or parked on its own) and never takes its
/// neighbours with it. An effect must use only the context it is given, and must not commit or open a transaction.
/// GroupCommit:Concurrency transactions (default 4) run at once, so that one slow batch does not hold up the service's
/// whole intake of messages; they may meet on a row, and a deadlock between two only sends both round once more.
/// </summary>
public sealed class GroupCommit<TDb>(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<GroupCommit<TDb>> log)
    : CommitGroups<GroupCommit<TDb>.Message, bool>(configuration.GetValue("GroupCommit:Concurrency", 4), MaxBatch, log) where TDb : ServiceDbContext
{
    /// <summary>At most this many messages in one transaction: the consumers' concurrency (256 a queue, RabbitMqOptions) bounds it too.</summary>
    public const int MaxBatch = 256;

    /// <summary>Messages handed in since start, copies and redeliveries included.</summary>
    public long Messages => Items;

    /// <summary>
    /// Completes when the message's effect has committed (true) or it had been applied before (false), and the
    /// after-commit steps ran for its batch.
    /// </summary>
    /// <param name="state">Handed to the after-commit steps (Reporting: the event).</param>
    public Task<bool> ApplyOnceAsync(Guid messageId, string consumer, Func<TDb, CancellationToken, Task> effect, object? state, CancellationToken ct) =>
        CommitAsync(new Message(messageId, consumer, effect, state, Activity.Current), ct);

    protected override async Task<IReadOnlyList<bool>> CommitTogetherAsync(IReadOnlyList<Message> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        // Changes are detected once, before saving: with detection on, every look at a set's Local view (how an effect
        // finds a row an earlier message of the batch added) scanned everything the batch had tracked so far (issue 15).
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var applied = new HashSet<Message>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var fresh = await db.ClaimAsync(batch.Select(p => (p.MessageId, p.Consumer)).Distinct().ToList(), clock.GetUtcNow(), ct);
            var states = batch.Where(p => fresh.Contains((p.MessageId, p.Consumer))).Select(p => p.State).ToList();
            foreach (var step in scope.ServiceProvider.GetServices<IBeforeGroupApply<TDb>>()) await step.RunAsync(db, states, ct);
            foreach (var p in batch)
            {
                // Removed once applied: a second copy of a message in the same batch is skipped like a redelivery.
                if (!fresh.Remove((p.MessageId, p.Consumer))) continue;
                // The effect runs in its consumer's span: the events it publishes carry the case's trace on (outbox trace_parent).
                var loop = Activity.Current;
                Activity.Current = p.Activity;
                try
                {
                    await p.Effect(db, ct);
                }
                finally
                {
                    Activity.Current = loop;
                }
                applied.Add(p);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        // Committed. These run for applied and skipped messages alike: a redelivery after a crash between the two repeats them.
        var handedIn = batch.Select(p => p.State).ToList();
        foreach (var step in scope.ServiceProvider.GetServices<IAfterGroupCommit<TDb>>()) await step.RunAsync(handedIn, ct);
        return batch.Select(applied.Contains).ToList();
    }

    /// <summary>Compared by reference: two copies of one message are two waiters.</summary>
    public sealed class Message(Guid messageId, string consumer, Func<TDb, CancellationToken, Task> effect, object? state, Activity? activity)
    {
        public Activity? Activity => activity;
        public Guid MessageId => messageId;
        public string Consumer => consumer;
        public Func<TDb, CancellationToken, Task> Effect => effect;
        public object? State => state;
    }
}

/// <summary>
/// Work a service does in a group commit's transaction before the effects run, with the states of the messages not
/// applied before (Reporting locks and loads the rows the batch will fold into with one statement a table, issue 15).
/// </summary>
public interface IBeforeGroupApply<TDb> where TDb : ServiceDbContext
{
    Task RunAsync(TDb db, IReadOnlyList<object?> states, CancellationToken ct);
}

/// <summary>Work a service does once a group commit's batch has committed, with the states its messages were handed in with.</summary>
public interface IAfterGroupCommit<TDb> where TDb : ServiceDbContext
{
    Task RunAsync(IReadOnlyList<object?> states, CancellationToken ct);
}
