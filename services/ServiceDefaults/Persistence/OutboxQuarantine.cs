using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// What an operator command or API calls to see and re-drive quarantined outbox rows. Releasing clears the quarantine
/// and the back-off, so the relay tries the row at once, before the later rows of its case; fix the cause first (deploy
/// the type, correct the row, start the consumer), or it is quarantined again with the same reason.
/// </summary>
public sealed class OutboxQuarantine(ServiceDbContext db, OutboxSignal signal, ILogger<OutboxQuarantine> log)
{
    /// <summary>By sequence, after <paramref name="afterSequence"/>.</summary>
    public async Task<IReadOnlyList<QuarantinedOutboxMessage>> ListAsync(int limit = 100, long afterSequence = long.MinValue, CancellationToken ct = default) =>
        await db.OutboxMessages.AsNoTracking()
            .Where(m => m.QuarantinedAt != null && m.Sequence > afterSequence)
            .OrderBy(m => m.Sequence)
            .Take(limit)
            .Select(m => new QuarantinedOutboxMessage(m.Id, m.Sequence, m.MessageType, m.CorrelationId, m.CreatedAt, m.QuarantinedAt!.Value,
                m.QuarantineReason ?? "", m.Attempts,
                db.OutboxMessages.Count(l => l.CorrelationId != null && l.CorrelationId == m.CorrelationId && l.Sequence > m.Sequence)))
            .ToListAsync(ct);

    /// <returns>False when no quarantined row has that id.</returns>
    public async Task<bool> ReleaseAsync(Guid id, CancellationToken ct = default)
    {
        var released = await db.OutboxMessages.Where(m => m.Id == id && m.QuarantinedAt != null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.QuarantinedAt, (DateTimeOffset?)null)
            .SetProperty(m => m.QuarantineReason, (string?)null)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.UnroutableSince, (DateTimeOffset?)null)
            .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null), ct);
        if (released == 0) return false;
        log.LogWarning("Outbox message {MessageId} released from quarantine", id);
        signal.Notify();
        return true;
    }

    /// <summary>For a row that must never go out (an operator's decision): deletes it, which lets its case's later rows go.</summary>
    /// <returns>False when no quarantined row has that id.</returns>
    public async Task<bool> DiscardAsync(Guid id, CancellationToken ct = default)
    {
        var discarded = await db.OutboxMessages.Where(m => m.Id == id && m.QuarantinedAt != null).ExecuteDeleteAsync(ct);
        if (discarded == 0) return false;
        log.LogWarning("Outbox message {MessageId} discarded from quarantine", id);
        signal.Notify();
        return true;
    }
}
