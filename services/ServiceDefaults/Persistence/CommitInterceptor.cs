using System.Data.Common;
using Coordination.ServiceDefaults.Recusal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// What a commit tells the rest of the replica:
/// - the outbox relay is woken after a commit that carried outbox rows (implicit or explicit transaction). A commit
///   without any (most of Reporting's, every inbox-only one) leaves the relay asleep: waking it cost a claim query and
///   a rollback each;
/// - a unit of work storing a recusal keeps this replica's <see cref="RecusalCache"/> out of use from the moment it
///   saves until it commits or rolls back, so no call answered after its commit is answered from before it (the other
///   replicas hear of it by their RecusalListener).
/// </summary>
public sealed class CommitInterceptor(OutboxSignal signal, RecusalCache recusals) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is ServiceDbContext { WroteRecusals: true } storing) recusals.Storing(storing);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Committed(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken ct = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    private void Committed(DbContext? context)
    {
        Ended(context);
        // A context we cannot see into (none given) may have written rows: wake the relay rather than leave them waiting for the poll.
        if (context is ServiceDbContext { WroteOutbox: false }) return;
        if (context is ServiceDbContext db) db.WroteOutbox = false;
        signal.Notify();
    }

    private void Ended(DbContext? context)
    {
        if (context is not ServiceDbContext { WroteRecusals: true } stored) return;
        stored.WroteRecusals = false;
        recusals.Stored(stored);
    }
}
