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
            new NpgsqlConnectionStringBuilder(main)
            {
                ApplicationName = "intake-case-numbers",
                MaxPoolSize = 20,
                Options = "-c synchronous_commit=off",
            }.ConnectionString));
        await connection.OpenAsync(ct);
        // One statement in autocommit: the upsert is its own transaction, and the pool's sessions commit without waiting
        // for the disk (synchronous_commit = off from the connection's options; it was BEGIN, SET LOCAL, the upsert and
        // COMMIT — four statements a registration, issue 15).
        await using var command = new NpgsqlCommand("""
            INSERT INTO case_number_counters (region_code, year, last_value) VALUES ($1, $2, 1)
            ON CONFLICT (region_code, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
            RETURNING last_value
            """, connection) { Parameters = { new() { Value = regionCode }, new() { Value = year } } };
        var sequence = await command.ExecuteScalarAsync(ct) is long value ? value : 0;
        if (sequence == 0) throw new InvalidOperationException("no case number was returned");
        return CaseNumbers.Format(regionCode, year, sequence);
    }
}
