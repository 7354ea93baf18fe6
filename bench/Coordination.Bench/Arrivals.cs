using Npgsql;

namespace Coordination.Bench;

/// <summary>Polls Reporting's timeline until every registered case has its CaseAssigned entry; returns when each was assigned.</summary>
public sealed class Arrivals(string connectionString)
{
    public async Task<Dictionary<Guid, DateTimeOffset>> WaitAsync(IReadOnlyList<Sent> sent, TimeSpan timeout)
    {
        var ids = sent.Select(s => s.CaseId).Distinct().ToArray(); // a repeat answers with its earlier case
        var deadline = DateTimeOffset.UtcNow + timeout;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var arrived = new Dictionary<Guid, DateTimeOffset>();
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT \"CaseId\", \"OccurredAt\" FROM timeline_entries WHERE \"Kind\" = 'CaseAssigned' AND \"CaseId\" = ANY($1)", connection)
                { Parameters = { new() { Value = ids } } };
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) arrived[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
            if (arrived.Count >= ids.Length || DateTimeOffset.UtcNow > deadline) return arrived;
            await Task.Delay(100);
        }
    }
}
