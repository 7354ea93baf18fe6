using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coordination.Intake.Workflow;

/// <summary>
/// Takes the next case numbers of a registration group's regions in a transaction of its own (ADR 4), so the counter's row lock is
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

    /// <summary>The next case number of each registration's region, in the order given; one statement for the whole group.</summary>
    public async Task<IReadOnlyList<string>> NextAsync(IReadOnlyList<string> regionCodes, DateTimeOffset registeredAt, CancellationToken ct)
    {
        if (regionCodes.Count == 0) return [];
        var year = CaseNumbers.YearOf(registeredAt);
        // Each region once, in one order (two groups lock their counters in the same order and cannot deadlock), moved on
        // by as many numbers as the group needs; its numbers are then the last ones up to the value returned.
        var needed = regionCodes.GroupBy(r => r, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Region: g.Key, Count: g.Count())).ToList();
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
            INSERT INTO case_number_counters (region_code, year, last_value)
            SELECT region, $2, taken FROM unnest($1::text[], $3::bigint[]) WITH ORDINALITY AS t(region, taken, position) ORDER BY position
            ON CONFLICT (region_code, year) DO UPDATE SET last_value = case_number_counters.last_value + excluded.last_value
            RETURNING region_code, last_value
            """, connection)
        {
            Parameters =
            {
                new() { Value = needed.Select(n => n.Region).ToArray() },
                new() { Value = year },
                new() { Value = needed.Select(n => (long)n.Count).ToArray() },
            },
        };
        var next = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) next[reader.GetString(0)] = reader.GetInt64(1);
        foreach (var (region, count) in needed)
        {
            if (!next.TryGetValue(region, out var last) || last < count) throw new InvalidOperationException($"no case numbers were returned for {region}");
            next[region] = last - count + 1;
        }
        return regionCodes.Select(r => CaseNumbers.Format(r, year, next[r]++)).ToList();
    }
}
