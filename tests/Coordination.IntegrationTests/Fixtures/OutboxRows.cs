using System.Text.Json;
using Coordination.ServiceDefaults.Persistence;
using Npgsql;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Writes outbox rows straight into a service's table, in one transaction and in the order given (their sequence order).</summary>
public static class OutboxRows
{
    public static OutboxRow Of<T>(T message, Guid? caseId) where T : class =>
        new(Guid.NewGuid(), MessageTypes.NameOf(typeof(T)), JsonSerializer.Serialize(message, JsonSerializerOptions.Web), caseId);

    public static async Task InsertAsync(ServiceInstance service, params OutboxRow[] rows)
    {
        await using var connection = new NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var row in rows)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO outbox_messages (id, message_type, body, correlation_id, next_attempt_at) VALUES ($1, $2, $3, $4, $5)", connection, tx);
            insert.Parameters.AddWithValue(row.Id);
            insert.Parameters.AddWithValue(row.MessageType);
            insert.Parameters.AddWithValue(row.Body);
            insert.Parameters.AddWithValue((object?)row.CaseId ?? DBNull.Value);
            insert.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)row.NotBefore ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    /// <summary>A text column of one outbox row (null when the row is gone or the column is null).</summary>
    public static async Task<string?> ColumnAsync(ServiceInstance service, Guid id, string column)
    {
        await using var connection = new NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand($"SELECT {column}::text FROM outbox_messages WHERE id = $1", connection);
        read.Parameters.AddWithValue(id);
        return await read.ExecuteScalarAsync() as string;
    }
}
