using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Rebuilding every read model of the system is an administrator's operation, run in the background with its progress.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_read_models_are_rebuilt(SystemFixture system)
{
    private ReportingService.ReportingServiceClient Reporting => new(system.Reporting.Channel);

    [Fact]
    public async Task Only_an_administrator_starts_it_and_its_progress_is_shown_until_it_completes()
    {
        await new Coordination.Grpc.Intake.IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(Petitions.Valid(), Callers.Clerk());
        await Eventually.UntilAsync(() => system.Reporting.CountAsync("SELECT count(*) FROM event_log"), n => n > 0, "events in Reporting's log");
        foreach (var caller in new[] { Callers.Bureau("320102"), Callers.Bureau("320000"), Callers.Leader("nanjing-gov", "320100"), Callers.Committee() })
            await Refused(() => Reporting.RebuildReadModelsAsync(new RebuildReadModelsRequest(), caller).ResponseAsync, StatusCode.PermissionDenied);

        var started = await Reporting.RebuildReadModelsAsync(new RebuildReadModelsRequest(), Rebuilds.Administrator);
        Assert.Contains(started.Rebuild.State, new[] { "running", "completed" });
        Assert.Equal("admin", started.Rebuild.RequestedBy);
        await Refused(() => Reporting.GetReadModelRebuildAsync(new GetReadModelRebuildRequest { RebuildId = started.Rebuild.RebuildId }, Callers.Bureau("320000"))
            .ResponseAsync, StatusCode.PermissionDenied);
        await Refused(() => Reporting.GetReadModelRebuildAsync(new GetReadModelRebuildRequest { RebuildId = Guid.NewGuid().ToString() }, Rebuilds.Administrator)
            .ResponseAsync, StatusCode.NotFound);
        var done = await Eventually.UntilAsync(
            async () => (await Reporting.GetReadModelRebuildAsync(new GetReadModelRebuildRequest { RebuildId = started.Rebuild.RebuildId }, Rebuilds.Administrator)).Rebuild,
            r => r.State != "running", "the rebuild to end", TimeSpan.FromSeconds(60));
        Assert.Equal("completed", done.State);
        Assert.True(done.EventsTotal > 0);
        Assert.Equal(done.EventsTotal, done.EventsReplayed);
        Assert.NotNull(done.FinishedAt);
    }
}
