using Npgsql;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>
/// The relay's claim (ADR 10): locks the next rows that may go out and, in the same statement and round trip, finds for
/// each claimed row's case the first row of that case left out of the claim (held back, past the limit, or locked by
/// another replica: that look is a plain read, which sees rows locked elsewhere; <see cref="OutboxLanes"/>). It was two statements, each a round trip, in every relay batch (issue 15).
/// Skips quarantined rows, rows backing off, and rows whose case has an earlier such row: claiming those would only hold
/// them back again, and a batch full of them would starve every other case.
/// </summary>
public static class OutboxClaim
{
    private const string Sql = """
        WITH claimed AS MATERIALIZED (
            SELECT o.id, o.sequence, o.message_type, o.body, o.correlation_id, o.trace_parent, o.created_at,
                   o.attempts, o.unroutable_since, o.next_attempt_at
            FROM outbox_messages o
            WHERE o.quarantined_at IS NULL AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= now())
              AND NOT EXISTS (SELECT 1 FROM outbox_messages e
                              WHERE e.correlation_id = o.correlation_id AND e.sequence < o.sequence
                                AND (e.quarantined_at IS NOT NULL OR e.next_attempt_at > now()))
            ORDER BY o.sequence LIMIT $1 FOR UPDATE OF o SKIP LOCKED)
        SELECT c.*, (SELECT min(e.sequence) FROM outbox_messages e
                     WHERE e.correlation_id = c.correlation_id AND e.id NOT IN (SELECT id FROM claimed)) AS first_unclaimed
        FROM claimed c ORDER BY c.sequence
        """;

    /// <returns>The claimed rows in sequence order, and for each of their cases the lowest sequence of its rows not claimed.</returns>
    public static async Task<(List<OutboxMessage> Rows, Dictionary<Guid, long> FirstUnclaimed)> ClaimAsync(
        ServiceDbContext db, int batchSize, CancellationToken ct)
    {
        await using var batch = db.Database.BatchInTransaction("the claim's locks last as long as its transaction");
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Sql) { Parameters = { new() { Value = batchSize } } });
        var rows = new List<OutboxMessage>();
        var firstUnclaimed = new Dictionary<Guid, long>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new OutboxMessage
            {
                Id = reader.GetGuid(0),
                Sequence = reader.GetInt64(1),
                MessageType = reader.GetString(2),
                Body = reader.GetString(3),
                CorrelationId = reader.IsDBNull(4) ? null : reader.GetGuid(4),
                TraceParent = reader.IsDBNull(5) ? null : reader.GetString(5),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
                Attempts = reader.GetInt32(7),
                UnroutableSince = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                NextAttemptAt = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
            };
            rows.Add(row);
            if (row.CorrelationId is { } caseId && !reader.IsDBNull(10)) firstUnclaimed[caseId] = reader.GetInt64(10);
        }
        return (rows, firstUnclaimed);
    }
}
