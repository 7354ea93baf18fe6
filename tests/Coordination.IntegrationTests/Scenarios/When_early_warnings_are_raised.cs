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

    private Task PetitionAsync(string region, DateTimeOffset at, int people = 1) => Bus.Publish(new PetitionRegistered
    {
        CaseId = NewId.NextGuid(), CaseNumber = $"{region}-2026-{Random.Shared.Next(100000, 999999)}", Channel = "visit", RegionCode = region,
        Category = "grievance", Topic = "agriculture", Summary = "warning", PetitionerCount = Math.Min(people, 5), LawRelated = false, ReceivingUnit = "bureau",
        Clerk = "test", ReceivedAt = at, OccurredAt = at, GroupSize = people, Collective = people >= 5,
    });

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

        var reporting = new ReportingApi.ReportingApiClient(system.Reporting.Channel);
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
            seen.Add(watch.ResponseStream.Current);
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
        var reporting = new ReportingApi.ReportingApiClient(system.Reporting.Channel);
        using var watch = reporting.WatchEarlyWarnings(new WatchEarlyWarningsRequest { RegionCode = "329700" }, Callers.Bureau("320100"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }
}
