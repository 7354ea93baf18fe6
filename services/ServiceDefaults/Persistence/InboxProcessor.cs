using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// Applies a consumed message at most once: the message id is recorded in the inbox in the same transaction
/// as the effect and the outbox rows it writes. A redelivered message finds its id and changes nothing.
/// </summary>
public sealed class InboxProcessor<TDb>(TDb db, TimeProvider clock, ILogger<InboxProcessor<TDb>> log) where TDb : ServiceDbContext
{
    public async Task<bool> ApplyOnceAsync(ConsumeContext context, string consumer, Func<TDb, CancellationToken, Task> effect)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("a message without a MessageId cannot be de-duplicated");
        var ct = context.CancellationToken;
        db.ChangeTracker.Clear(); // a retry starts from a clean unit of work
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        // Blocks on the key while a concurrent delivery of the same message is in flight, then sees its row.
        if ((await db.ClaimAsync([(messageId, consumer)], now, ct)).Count == 0)
        {
            log.LogInformation("Message {MessageId} already applied by {Consumer}; skipped", messageId, consumer);
            return false;
        }
        await effect(db, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
