using Microsoft.EntityFrameworkCore;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// The inbox for many messages in one transaction (a batch folded together): records every (message, consumer) pair in
/// one statement and answers which were new. The caller applies only those, in the same transaction, so a redelivered
/// message, or two copies in one batch, is applied once.
/// </summary>
public static class InboxClaims
{
    public static async Task<HashSet<(Guid MessageId, string Consumer)>> ClaimAsync(
        this ServiceDbContext db, IReadOnlyCollection<(Guid MessageId, string Consumer)> messages, DateTimeOffset now, CancellationToken ct)
    {
        var ids = messages.Select(m => m.MessageId).ToArray();
        var consumers = messages.Select(m => m.Consumer).ToArray();
        // Blocks on a key while a concurrent transaction holding the same message is in flight, then sees its row.
        var claimed = await db.Database.SqlQuery<ClaimedMessage>($"""
            INSERT INTO inbox_messages (message_id, consumer, processed_at)
            SELECT m.id, m.consumer, {now.ToUniversalTime()} FROM unnest({ids}, {consumers}) AS m(id, consumer)
            ON CONFLICT DO NOTHING RETURNING message_id AS "MessageId", consumer AS "Consumer"
            """).ToListAsync(ct);
        return claimed.Select(c => (c.MessageId, c.Consumer)).ToHashSet();
    }

    private sealed class ClaimedMessage
    {
        public Guid MessageId { get; init; }
        public string Consumer { get; init; } = "";
    }
}
