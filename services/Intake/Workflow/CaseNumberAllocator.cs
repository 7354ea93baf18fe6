using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coordination.Intake.Workflow;

/// <summary>
/// Takes the next case number of a region and year in a transaction of its own (ADR 4), so the counter's row lock is
/// held for one statement and not for the whole registration (which would queue every registration of a region
/// behind the one before). That transaction commits without waiting for the disk: PostgreSQL writes its log in
/// order, so the registration that uses the number, committing durably afterwards, makes the counter durable too;
/// if the registration never commits, the number was never given out. Numbers are unique; a registration that fails
/// after taking one leaves a gap.
/// </summary>
public sealed class CaseNumberAllocator(IntakeDb db)
{
    /// <summary>The small pool's connection string for each main one, worked out once (parsing it showed in the profile).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> OwnPool = new();

    public async Task<string> NextAsync(string regionCode, DateTimeOffset registeredAt, CancellationToken ct)
    {
        var year = CaseNumbers.YearOf(registeredAt);
        // A pool of its own: a registration holds its main connection while it waits for this one, so sharing one
        // pool could let busy registrations take every connection and wait on each other.
        await using var connection = new NpgsqlConnection(OwnPool.GetOrAdd(db.Database.GetConnectionString()!, main =>
            new NpgsqlConnectionStringBuilder(main) { ApplicationName = "intake-case-numbers", MaxPoolSize = 20 }.ConnectionString));
        await connection.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("BEGIN"),
                new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"),
                new NpgsqlBatchCommand("""
                    INSERT INTO case_number_counters (region_code, year, last_value) VALUES ($1, $2, 1)
                    ON CONFLICT (region_code, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
                    RETURNING last_value
                    """) { Parameters = { new() { Value = regionCode }, new() { Value = year } } },
                new NpgsqlBatchCommand("COMMIT"),
            },
        };
        long sequence = 0;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            do
            {
                if (reader.FieldCount > 0 && await reader.ReadAsync(ct)) sequence = reader.GetInt64(0);
            } while (await reader.NextResultAsync(ct));
        }
        if (sequence == 0) throw new InvalidOperationException("no case number was returned");
        return CaseNumbers.Format(regionCode, year, sequence);
    }
}
