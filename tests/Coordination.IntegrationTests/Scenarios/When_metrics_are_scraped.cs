using System.Globalization;
using Coordination.IntegrationTests.Fixtures;

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
