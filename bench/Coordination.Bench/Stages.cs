using Npgsql;

namespace Coordination.Bench;

/// <summary>
/// Where a round's time went between sending a registration and Assignment's CaseAssigned, case by case, from what the
/// databases keep anyway: Intake's group transaction began (the petition's RegisteredAt, the group's clock) and committed
/// (PostgreSQL's commit time of the petitioner rows it wrote, track_commit_timestamp), Assignment's batch began (the
/// PetitionRegistered message's inbox row, stamped when the batch claims it; its message id from Reporting's event log),
/// CaseAssigned (Assignment's clock). All clocks are this machine's. The stages show which hand-over a change moved,
/// where the end-to-end percentiles mostly show how busy the box was (issue 15). A case whose stamps are not all found
/// (a repeat, commit times off) is left out.
/// </summary>
public sealed class Stages(BenchOptions options)
{
    public const string Consumer = "PetitionRegisteredConsumer";
    public const string Event = "Coordination.Contracts.Intake.PetitionRegistered, Coordination.Contracts";

    /// <summary>Per stage, each case's milliseconds; null when no case had every stamp or a database did not answer.</summary>
    public async Task<StageTimes?> MeasureAsync(IReadOnlyList<Sent> sent, IReadOnlyDictionary<Guid, Arrival> arrived)
    {
        try
        {
            return await StampsAsync(sent, arrived);
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"bench: where the time went: {ex.Message}");
            return null;
        }
    }

    private async Task<StageTimes?> StampsAsync(IReadOnlyList<Sent> sent, IReadOnlyDictionary<Guid, Arrival> arrived)
    {
        var firsts = sent.Where(s => !s.Repeat && arrived.ContainsKey(s.CaseId)).ToList();
        if (firsts.Count == 0) return null;
        var ids = firsts.Select(s => s.CaseId).ToArray();
        var intake = await ReadAsync(options.IntakeDatabase, """
            SELECT p."Id", p."RegisteredAt", min(pg_xact_commit_timestamp(r.xmin))
            FROM petitions p JOIN petitioners r ON r."PetitionId" = p."Id" WHERE p."Id" = ANY($1) GROUP BY p."Id", p."RegisteredAt"
            """, ids, r => (Id: r.GetGuid(0), Began: r.GetFieldValue<DateTimeOffset>(1), Committed: r.IsDBNull(2) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(2)));
        // Only the round's stretch of the log, by its index on OccurredAt (the event's time, after its registration was
        // sent): the log has no index on CaseId, and a scan of the whole of it (5 GB at 4.5 million cases) took seconds
        // after every round, and could push the tables the next round writes out of the page cache.
        var since = firsts.Min(s => s.SentAt).AddMinutes(-1);
        var messages = (await ReadAsync(options.ReportingDatabase, $"""
            SELECT "CaseId", "MessageId" FROM event_log WHERE "OccurredAt" >= $2 AND "CaseId" = ANY($1) AND "MessageType" = '{Event}'
            """, ids, r => (Case: r.GetGuid(0), Message: r.GetGuid(1)), since)).ToDictionary(m => m.Case, m => m.Message);
        var batches = (await ReadAsync(options.AssignmentDatabase, $"""
            SELECT message_id, processed_at FROM inbox_messages WHERE message_id = ANY($1) AND consumer = '{Consumer}'
            """, messages.Values.ToArray(), r => (Message: r.GetGuid(0), At: r.GetFieldValue<DateTimeOffset>(1)))).ToDictionary(b => b.Message, b => b.At);
        var byCase = intake.Where(i => i.Committed is not null).ToDictionary(i => i.Id);
        var cases = new List<double[]>();
        foreach (var s in firsts)
        {
            if (!byCase.TryGetValue(s.CaseId, out var p) || !messages.TryGetValue(s.CaseId, out var message) || !batches.TryGetValue(message, out var batch))
                continue;
            DateTimeOffset[] at = [s.SentAt, p.Began, p.Committed!.Value, batch, arrived[s.CaseId].Assigned];
            cases.Add([.. at.Zip(at.Skip(1), (from, to) => (to - from).TotalMilliseconds)]);
        }
        return cases.Count == 0 ? null : new StageTimes(cases);
    }

    /// <summary>
    /// "sent -> Intake's group began 7.0 / 40.1, -> committed …" (p50 / p99 ms), then the same stages' means over the
    /// slowest 1 % of the cases end to end (which hand-over the tail is made of), or why there is none.
    /// </summary>
    public static string Describe(StageTimes? times)
    {
        if (times is null) return "not measured (a database did not answer, commit times are off, or every registration was a repeat)";
        var slowest = times.Slowest;
        return string.Join(", ", StageTimes.Names.Select((name, i) =>
            {
                var ms = times.Sorted(i);
                return $"{name} {Percentiles.Of(ms, 50):F1} / {Percentiles.Of(ms, 99):F1}";
            })) +
            $" ({times.Cases.Count} cases); the slowest 1 % ({slowest.Count}) spent on average " +
            string.Join(", ", StageTimes.Names.Select((name, i) => $"{name} {slowest.Average(c => c[i]):F1}"));
    }

    private static async Task<List<T>> ReadAsync<T>(string connectionString, string sql, Guid[] ids, Func<NpgsqlDataReader, T> row, DateTimeOffset? since = null)
    {
        var rows = new List<T>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = ids } } };
        if (since is { } from) command.Parameters.Add(new() { Value = from });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(row(reader));
        return rows;
    }
}

/// <summary>Each case's milliseconds in each of <see cref="Names"/>' stages.</summary>
public sealed class StageTimes(IReadOnlyList<double[]> cases)
{
    public static readonly string[] Names = ["sent -> Intake's group began", "-> committed", "-> Assignment's batch began", "-> CaseAssigned"];

    public IReadOnlyList<double[]> Cases => cases;

    /// <summary>One stage's milliseconds over every case, sorted.</summary>
    public List<double> Sorted(int stage) => [.. cases.Select(c => c[stage]).Order()];

    /// <summary>The slowest 1 % of the cases by their whole time (at least one).</summary>
    public IReadOnlyList<double[]> Slowest => [.. cases.OrderByDescending(c => c.Sum()).Take(Math.Max(1, cases.Count / 100))];
}
