using Coordination.Contracts.Intake;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Early warnings (§11, §13): a constructed spike raises one, ordinary noise does not; watchers get it as it is raised.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_early_warnings_are_raised(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Day = new(2026, 8, 20, 10, 0, 0, Cst);
    private IBus Bus => system.Intake.App.Services.GetRequiredService<IBus>();

    private Task PetitionAsync(string region, DateTimeOffset at, int people = 1, bool toBeijing = false, string? number = null) => Bus.Publish(new PetitionRegistered
    {
        CaseId = NewId.NextGuid(), CaseNumber = number ?? $"{region}-2026-{Random.Shared.Next(100000, 999999)}", Channel = "visit", RegionCode = region,
        Category = "grievance", Topic = "agriculture", Summary = "warning", PetitionerCount = Math.Min(people, 5), LawRelated = false, ReceivingUnit = "bureau",
        Clerk = "test", ReceivedAt = at, OccurredAt = at, GroupSize = people, Collective = people >= 5, ToBeijing = toBeijing,
    });

    [Fact]
    public async Task In_a_sensitive_period_thresholds_are_lower_and_every_collective_or_Beijing_petition_is_a_warning()
    {
        // The fixture configures "test session", 1-3 June 2026, for regions 3288xx.
        var june2 = new DateTimeOffset(2026, 6, 2, 10, 0, 0, Cst);
        var june10 = new DateTimeOffset(2026, 6, 10, 10, 0, 0, Cst);
        foreach (var day in new[] { june2, june10 })
            for (var d = 1; d <= 28; d++) await PetitionAsync(day == june2 ? "328801" : "328804", day.AddDays(-d));
        await Eventually.UntilAsync(() => system.Reporting.CountAsync("SELECT count(*) FROM case_facts WHERE \"RegionCode\" IN ('328801', '328804')"),
            n => n == 56, "the baselines folded");

        for (var i = 0; i < 3; i++) await PetitionAsync("328801", june2.AddMinutes(i));   // 3 against 1 a day: below 5, but the period's threshold is 3
        for (var i = 0; i < 3; i++) await PetitionAsync("328804", june10.AddMinutes(i));  // the same after the period: nothing
        await PetitionAsync("328802", june2, people: 6, number: "328802-2026-000001");      // collective, far below the 20-person risk
        await PetitionAsync("328803", june2, toBeijing: true, number: "328803-2026-000001");
        await PetitionAsync("328802", june10, people: 6, number: "328802-2026-000002");     // after the period

        await Eventually.UntilAsync(() => system.Reporting.CountAsync("SELECT count(*) FROM case_facts WHERE \"RegionCode\" LIKE '3288%'"),
            n => n == 65, "every petition folded");
        Task<long> Warnings(string kind, string subject) => system.Reporting.CountAsync(
            "SELECT count(*) FROM early_warnings WHERE \"Kind\" = $1 AND \"Subject\" = $2", kind, subject);
        // Warnings are checked after each fold commits, in a transaction of their own: wait for them, not for the folds.
        foreach (var (kind, subject) in new[] { ("region_spike", "328801"), ("sensitive_period", "328802-2026-000001"), ("sensitive_period", "328803-2026-000001") })
            await Eventually.UntilAsync(() => Warnings(kind, subject), n => n == 1, $"the {kind} warning for {subject}");
        Assert.Equal(0, await Warnings("region_spike", "328804"));
        Assert.Equal(0, await Warnings("sensitive_period", "328802-2026-000002"));
        Assert.Equal(0, await Warnings("collective_visit", "328802-2026-000001"));
        Assert.Equal(1, await system.Reporting.CountAsync(
            "SELECT count(*) FROM early_warnings WHERE \"Kind\" = 'region_spike' AND \"Subject\" = '328801' AND \"Evidence\" LIKE '%(threshold 3; test session (2026-06-01 to 2026-06-03), lowered threshold)'"));
    }

    [Fact]
    public async Task A_spike_against_the_baseline_raises_one_warning_and_noise_raises_none()
    {
        for (var d = 1; d <= 28; d++)
        {
            await PetitionAsync("329701", Day.AddDays(-d));
            await PetitionAsync("329702", Day.AddDays(-d));
        }
        await Eventually.UntilAsync(() => system.Reporting.CountAsync("SELECT count(*) FROM case_facts WHERE \"RegionCode\" IN ('329701', '329702')"),
            n => n == 56, "the 28-day baselines folded");

        var reporting = new ReportingService.ReportingServiceClient(system.Reporting.Channel);
        var bureau = Callers.As(Roles.Bureau, "bureau-329700", "329700");
        using var watch = reporting.WatchEarlyWarnings(new WatchEarlyWarningsRequest { Since = Timestamp.FromDateTimeOffset(Day.AddDays(-1)) }, bureau);

        for (var i = 0; i < 7; i++) await PetitionAsync("329701", Day.AddMinutes(i)); // 7 against 1 a day: threshold max(5, 3 x 1)
        for (var i = 0; i < 2; i++) await PetitionAsync("329702", Day.AddMinutes(i)); // ordinary noise
        await PetitionAsync("329703", Day, people: 30);                               // a large collective visit

        var seen = new List<EarlyWarning>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!seen.Any(w => w.Kind == "region_spike") || !seen.Any(w => w.Kind == "collective_visit"))
        {
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token), "the stream ended early");
            seen.Add(watch.ResponseStream.Current.Warning);
        }
        var spike = seen.Single(w => w.Kind == "region_spike");
        Assert.Equal("329701", spike.RegionCode);
        Assert.Contains("baseline of 1.00 a day over 28 days (threshold 5)", spike.Evidence);
        Assert.Equal("329703", seen.Single(w => w.Kind == "collective_visit").RegionCode);

        await Eventually.UntilAsync(() => system.Reporting.CountAsync("SELECT count(*) FROM case_facts WHERE \"RegionCode\" IN ('329701', '329702', '329703')"),
            n => n == 66, "every petition folded");
        Assert.Equal(1, await system.Reporting.CountAsync(
            "SELECT count(*) FROM early_warnings WHERE \"Kind\" = 'region_spike' AND \"Subject\" = '329701' AND \"Period\" = '2026-08-20'"));
        Assert.Equal(0, await system.Reporting.CountAsync("SELECT count(*) FROM early_warnings WHERE \"Subject\" = '329702'"));
        Assert.Equal(0, await system.Reporting.CountAsync("SELECT count(*) FROM early_warnings WHERE \"Kind\" = 'region_spike' AND \"Period\" < '2026-08-20' AND \"Subject\" LIKE '3297%'"));
    }

    [Fact]
    public async Task A_watcher_outside_the_jurisdiction_is_refused()
    {
        var reporting = new ReportingService.ReportingServiceClient(system.Reporting.Channel);
        using var watch = reporting.WatchEarlyWarnings(new WatchEarlyWarningsRequest { RegionCode = "329700" }, Callers.Bureau("320100"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }
}
