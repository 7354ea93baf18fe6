using System.Diagnostics;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Npgsql;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Backups (ADR 31): scripts/backup.sh takes a base backup of the cluster while petitions are being registered, and
/// scripts/restore.sh brings it up as a fresh cluster, consistent in every service's database; a backup taken once the
/// system is at rest restores to the same case counts, timelines and bulletin figures as the live system.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_backup_is_restored(SystemFixture system) : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "coordination-restore-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<string> _clusters = [];

    /// <summary>What each figure is, per database of this run, in SQL any copy of the database can answer.</summary>
    private static readonly (string Database, string Figure)[] Figures =
    [
        ("intake", "SELECT count(*) FROM petitions"),
        ("intake", "SELECT count(*) FROM petitioners"),
        ("intake", "SELECT count(*) FROM petitions WHERE \"Status\" = 'assigned'"),
        ("assignment", "SELECT count(*) FROM cases"),
        ("assignment", "SELECT count(*) FROM assignments"),
        ("assignment", "SELECT count(*) FROM deadlines"),
        ("reporting", "SELECT count(*) FROM timeline_entries"),
        ("reporting", "SELECT string_agg(\"Kind\" || '=' || n, ',' ORDER BY \"Kind\") FROM (SELECT \"Kind\", count(*) n FROM timeline_entries GROUP BY 1) k"),
        ("reporting", "SELECT string_agg(\"RegionCode\" || '=' || n, ',' ORDER BY \"RegionCode\") FROM (SELECT \"RegionCode\", count(*) n FROM case_facts GROUP BY 1) r"),
        ("reporting", "SELECT coalesce(sum(\"Registered\"), 0) || '/' || coalesce(sum(\"Closed\"), 0) FROM live_counters"),
    ];

    [Fact]
    public async Task A_backup_under_load_restores_consistent_and_one_at_rest_restores_the_same_figures()
    {
        var intake = new IntakeService.IntakeServiceClient(system.Intake.Channel);
        var before = await system.Intake.CountAsync("SELECT count(*) FROM petitions");
        var assignedBefore = await system.Intake.CountAsync("SELECT count(*) FROM petitions WHERE \"Status\" = 'assigned'");
        using var stop = new CancellationTokenSource();
        var opened = new System.Collections.Concurrent.ConcurrentBag<string>(); // the cases the load opened
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var reply = await intake.RegisterPetitionAsync(Petitions.Valid(region: "320106", topic: "labour"), Callers.Clerk());
                if (reply.Outcome == Outcome.Registered) opened.Add(reply.CaseId);
                n++;
            }
            return n;
        }));
        await Eventually.UntilAsync(() => system.Intake.CountAsync("SELECT count(*) FROM petitions"), n => n >= before + 10, "the load under way");

        var underLoad = await BackupAsync();
        await stop.CancelAsync();
        var registered = (await load).Sum();
        var after = await system.Intake.CountAsync("SELECT count(*) FROM petitions");

        // Under load: the restored cluster is a moment of the live one, each database consistent in itself.
        var busy = await RestoreAsync(underLoad);
        var restoredPetitions = await CountAsync(busy, "intake", "SELECT count(*) FROM petitions");
        Assert.InRange(restoredPetitions, before + 10, after);
        Assert.Equal(0, await CountAsync(busy, "intake", "SELECT count(*) FROM petitions p WHERE NOT EXISTS (SELECT 1 FROM petitioners x WHERE x.\"PetitionId\" = p.\"Id\")"));
        Assert.Equal(0, await CountAsync(busy, "assignment", "SELECT count(*) FROM assignments a WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.\"Id\" = a.\"CaseId\")"));
        Assert.Equal(0, await CountAsync(busy, "reporting", "SELECT count(*) FROM case_facts f WHERE \"RegionCode\" <> '' AND NOT EXISTS (SELECT 1 FROM timeline_entries t WHERE t.\"CaseId\" = f.\"CaseId\")"));

        // At rest: every case the load opened has reached Reporting; the restored figures are the live ones. (Counted by
        // the load's own cases: a count over the whole database also holds the earlier tests' events, some of which
        // never lead to an assignment.)
        var cases = opened.Select(Guid.Parse).Distinct().ToArray();
        await Eventually.UntilAsync(() => system.Reporting.CountAsync(
                "SELECT count(DISTINCT \"CaseId\") FROM timeline_entries WHERE \"Kind\" = 'CaseAssigned' AND \"CaseId\" = ANY($1)", cases),
            n => n == cases.Length, $"all {cases.Length} cases of the load assigned on the timeline", TimeSpan.FromSeconds(90));
        // The last step of a case here: Intake records the hand-over of every petition registered under load.
        await Eventually.UntilAsync(() => system.Intake.CountAsync("SELECT count(*) FROM petitions WHERE \"Status\" = 'assigned'"),
            n => n >= assignedBefore + (after - before), "Intake to record every hand-over");
        var live = await FiguresAsync(system.Infra.PostgresServer);
        var atRest = await RestoreAsync(await BackupAsync());
        Assert.Equal(live, await FiguresAsync(atRest));
        Assert.True(registered > 0);
    }

    private async Task<string> BackupAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(system.Infra.PostgresServer);
        var output = await RunAsync("scripts/backup.sh", [Path.Combine(_work, "backups")], new()
        {
            ["PGHOST"] = server.Host ?? "127.0.0.1", ["PGPORT"] = server.Port.ToString(), ["PGUSER"] = server.Username ?? "", ["PGPASSWORD"] = server.Password ?? "",
        });
        Assert.Contains("verified", output);
        return System.IO.Directory.GetDirectories(Path.Combine(_work, "backups")).OrderBy(d => File.GetCreationTimeUtc(d)).Last();
    }

    /// <returns>A connection string to the restored cluster (server only).</returns>
    private async Task<string> RestoreAsync(string backup)
    {
        var data = Path.Combine(_work, "cluster-" + _clusters.Count);
        var port = FreePort.Next();
        await RunAsync("scripts/restore.sh", [backup, data, port.ToString()], []);
        _clusters.Add(data);
        var server = new NpgsqlConnectionStringBuilder(system.Infra.PostgresServer) { Host = "127.0.0.1", Port = port };
        return server.ConnectionString;
    }

    private async Task<Dictionary<string, string>> FiguresAsync(string server)
    {
        var figures = new Dictionary<string, string>();
        foreach (var (database, figure) in Figures)
            figures[$"{database}: {figure}"] = await ScalarAsync(server, database, figure);
        return figures;
    }

    private async Task<long> CountAsync(string server, string database, string sql) => long.Parse(await ScalarAsync(server, database, sql));

    private async Task<string> ScalarAsync(string server, string database, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = $"{system.RunId}_{database}", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "";
    }

    private static async Task<string> RunAsync(string script, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [Checkout.Path(script), .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
        Assert.True(process.ExitCode == 0, $"{script} exited {process.ExitCode}: {await output} {await error}");
        return await output;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var data in _clusters)
            await RunAsync("scripts/restore.sh", ["--stop", data], []);
        if (System.IO.Directory.Exists(_work)) System.IO.Directory.Delete(_work, recursive: true);
    }
}
