using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Signals the relay after a commit that carried outbox rows (implicit or explicit transaction). A commit without any
/// (most of Reporting's, every inbox-only one) leaves the relay asleep: waking it cost a claim query and a rollback each.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Wake(eventData.Context);
        return Task.CompletedTask;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Wake(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Wake(DbContext? context)
    {
        // A context we cannot see into (none given) may have written rows: wake the relay rather than leave them waiting for the poll.
        if (context is ServiceDbContext { WroteOutbox: false }) return;
        if (context is ServiceDbContext db) db.WroteOutbox = false;
        signal.Notify();
    }
}
