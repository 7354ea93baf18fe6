using System.Globalization;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>/metrics on every service: the Coordination instruments (issue 18) in Prometheus's text format, moving with the work.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_metrics_are_scraped(SystemFixture system)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Every_service_answers_with_its_gauges_and_the_runtime()
    {
        foreach (var service in new[] { system.Intake, system.Assignment, system.LegalDiversion, system.JointMeeting, system.Reporting })
        {
            var text = await Eventually.UntilAsync(() => ScrapeAsync(service), t => Value(t, "coordination_inbox_size") is not null,
                $"{service.Name} /metrics with coordination_inbox_size");
            Assert.NotNull(Value(text, "coordination_outbox_backlog"));
            Assert.Matches("(process_runtime_)?dotnet_gc_", text); // the runtime's own instruments beside ours
        }
    }

    [Fact]
    public async Task A_registration_moves_the_counters_and_the_deadline_gauges_appear()
    {
        var before = Value(await ScrapeAsync(system.Intake), "coordination_petitions_registered_total") ?? 0;
        var publishedBefore = Value(await ScrapeAsync(system.Intake), "coordination_outbox_published_total") ?? 0;

        await new CaseFlow(system.Assignment.Channel).AssignedAsync(system.Intake.Channel);

        await Eventually.UntilAsync(() => ScrapeAsync(system.Intake),
            t => Value(t, "coordination_petitions_registered_total") > before && Value(t, "coordination_outbox_published_total") > publishedBefore,
            "Intake counted the registration and published its event");
        var assignment = await Eventually.UntilAsync(() => ScrapeAsync(system.Assignment),
            t => Value(t, "coordination_deadlines_overdue") is not null && Value(t, "coordination_deadlines_last_scan_age_seconds") is not null,
            "Assignment's deadline gauges");
        Assert.True(Value(assignment, "coordination_deadlines_scanner_lag_seconds") >= 0);
        Assert.True(Value(assignment, "coordination_deadlines_last_scan_age_seconds") < 60, "the scanner ran within a minute");
        Assert.Contains("decision=\"NewCase\"", Line(await ScrapeAsync(system.Intake), "coordination_petitions_registered_total"));
    }

    [Fact]
    public async Task The_deadline_gauges_count_exactly_the_open_limits_past_due_or_supervised()
    {
        // Four limits the gauges must tell apart: open and overdue, open and supervised, met after being overdue, and an
        // overdue timer (a term, not a limit). Each rung already fired, so the scanner leaves them alone.
        var now = DateTimeOffset.UtcNow;
        var inserted = new (bool Overdue, bool Supervised, bool Met, bool Timer)[]
        {
            (true, false, false, false), (true, true, false, false), (true, false, true, false), (true, false, false, true),
        };
        foreach (var row in inserted)
            await system.Assignment.CountAsync("""
                INSERT INTO deadlines ("Id", "CaseId", "Step", "UnitCode", "StartedAt", "DueAt", "ReminderAt", "SupervisionAt",
                                       "OverdueSentAt", "SupervisionSentAt", "MetAt", "IsTimer")
                VALUES ($1, $2, 'gauge-test', '320102001', $3, $3, $3, $3, $4, $5, $6, $7)
                """, Guid.NewGuid(), Guid.NewGuid(), now.AddDays(-30),
                row.Overdue ? now.AddDays(-20) : DBNull.Value, row.Supervised ? now.AddDays(-10) : DBNull.Value,
                row.Met ? now.AddDays(-5) : DBNull.Value, row.Timer);

        var probe = system.Assignment.App.Services.GetRequiredService<StoreProbe>();
        // The same counts over every open limit, as the gauges were first defined; read until no scan moved a row between the two.
        var (reading, full) = await Eventually.UntilAsync(async () =>
        {
            var reading = (await probe.ReadAsync(CancellationToken.None))!;
            var overdue = await system.Assignment.CountAsync(
                "SELECT count(*) FROM deadlines WHERE \"MetAt\" IS NULL AND NOT \"IsTimer\" AND \"OverdueSentAt\" IS NOT NULL");
            var supervised = await system.Assignment.CountAsync(
                "SELECT count(*) FROM deadlines WHERE \"MetAt\" IS NULL AND NOT \"IsTimer\" AND \"SupervisionSentAt\" IS NOT NULL");
            return (reading, (Overdue: overdue, Supervised: supervised));
        }, r => r.reading.Overdue == r.Item2.Overdue && r.reading.Supervised == r.Item2.Supervised,
            "the probe's counts to agree with a count of every open limit");
        Assert.True(reading.HasDeadlines);
        Assert.True(full.Overdue >= 2 && full.Supervised >= 1, "the two open late limits are among those counted");
        var mine = await system.Assignment.CountAsync(
            $"SELECT count(*) FROM deadlines WHERE \"Step\" = 'gauge-test' AND {StoreProbe.OpenLateDeadlines}");
        Assert.Equal(2, mine); // the met limit and the timer are not
        await system.Assignment.CountAsync("DELETE FROM deadlines WHERE \"Step\" = 'gauge-test'");
    }

    private static Task<string> ScrapeAsync(ServiceInstance service) => Http.GetStringAsync($"http://127.0.0.1:{service.HttpPort}/metrics");

    private static string Line(string text, string name) =>
        text.Split('\n').FirstOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal)) ?? "";

    /// <summary>The sum of a metric's samples (over its labels), or null when the scrape has none.</summary>
    private static double? Value(string text, string name)
    {
        var samples = text.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : name.Length)..].Trim().Split(' ')[0])
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        return samples.Count == 0 ? null : samples.Sum();
    }
}
