using Coordination.Grpc.Reporting;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Reporting's rebuild as its administrator runs it: started in the background, followed until it ends.</summary>
public static class Rebuilds
{
    public static readonly Metadata Administrator = Callers.As(Roles.Administrator, "jiangsu-petition-bureau", "320000", "admin");

    public static async Task<Rebuild> RebuildAndWaitAsync(this ReportingService.ReportingServiceClient reporting)
    {
        var started = await reporting.RebuildReadModelsAsync(new RebuildReadModelsRequest(), Administrator);
        var done = await Eventually.UntilAsync(
            async () => (await reporting.GetReadModelRebuildAsync(new GetReadModelRebuildRequest { RebuildId = started.Rebuild.RebuildId }, Administrator)).Rebuild,
            r => r.State != "running", "the rebuild of the read models to end", TimeSpan.FromSeconds(60));
        Xunit.Assert.Equal("completed", done.State);
        return done;
    }
}
