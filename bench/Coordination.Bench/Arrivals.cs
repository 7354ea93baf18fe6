using Npgsql;

namespace Coordination.Bench;

/// <summary>When a case was assigned (CaseAssigned's own time, Assignment's clock) and when it was on the timeline (the commit of Reporting's entry).</summary>
public sealed record Arrival(DateTimeOffset Assigned, DateTimeOffset? OnTimeline);

/// <summary>
/// Polls Reporting's timeline until every registered case has its CaseAssigned entry. The time it was on the timeline is
/// the commit time of that entry (PostgreSQL's track_commit_timestamp, which scripts/infra.sh turns on); without it only
/// the time of assignment is known.
/// </summary>
public sealed class Arrivals(string connectionString)
{
    public async Task<Dictionary<Guid, Arrival>> WaitAsync(IReadOnlyList<Sent> sent, TimeSpan timeout)
    {
        var ids = sent.Select(s => s.CaseId).Distinct().ToArray(); // a repeat answers with its earlier case
        var deadline = DateTimeOffset.UtcNow + timeout;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var show = new NpgsqlCommand("SHOW track_commit_timestamp", connection))
            CommitTimes = (string?)await show.ExecuteScalarAsync() == "on";
        var committed = CommitTimes ? "pg_xact_commit_timestamp(xmin)" : "NULL::timestamptz";
        var arrived = new Dictionary<Guid, Arrival>();
        while (true)
        {
            // Only the cases not seen yet: asking for all 10,000 ten times a second cost PostgreSQL ~25 ms a poll, taken
            // from Reporting while it drained the round's last events.
            var missing = arrived.Count == 0 ? ids : ids.Where(id => !arrived.ContainsKey(id)).ToArray();
            await using var command = new NpgsqlCommand(
                $"SELECT \"CaseId\", \"OccurredAt\", {committed} FROM timeline_entries WHERE \"Kind\" = 'CaseAssigned' AND \"CaseId\" = ANY($1)", connection)
                { Parameters = { new() { Value = missing } } };
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    arrived[reader.GetGuid(0)] = new Arrival(reader.GetFieldValue<DateTimeOffset>(1),
                        reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
            if (arrived.Count >= ids.Length || DateTimeOffset.UtcNow > deadline) return arrived;
            await Task.Delay(100);
        }
    }

    /// <summary>Whether the database keeps commit times (the "on the timeline" latency).</summary>
    public bool CommitTimes { get; private set; }

    /// <summary>Sorted latencies, from sending each registration to its case's arrival by <paramref name="at"/>.</summary>
    public static List<double> Latencies(IEnumerable<Sent> sent, IReadOnlyDictionary<Guid, Arrival> arrived, Func<Arrival, DateTimeOffset?> at) =>
        sent.Where(s => arrived.ContainsKey(s.CaseId) && at(arrived[s.CaseId]) is not null)
            .Select(s => (at(arrived[s.CaseId])!.Value - s.SentAt).TotalMilliseconds).Order().ToList();
}
