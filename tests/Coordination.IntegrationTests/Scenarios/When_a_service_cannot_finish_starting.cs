using Coordination.IntegrationTests.Fixtures;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// A start that never finishes (here: a broker that never answers) ends the process with a one-line reason and exit code
/// 3 within Hosting:StartTimeout, so that its supervisor starts it again, instead of a process that never listens.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_service_cannot_finish_starting(SystemFixture system)
{
    [Fact]
    public async Task It_exits_within_its_start_timeout_to_be_started_again()
    {
        var (exitCode, stderr) = await ServiceProcess.RunUntilExitAsync(system, "Assignment", "assignment_nostart", settings =>
        {
            settings["RabbitMq:Port"] = FreePort.Next().ToString(); // nothing listens there
            settings["Hosting:StartTimeout"] = "00:00:05";
        }, TimeSpan.FromSeconds(60));
        Assert.Equal(3, exitCode);
        Assert.Equal("assignment: not started within 00:00:05 (Hosting__StartTimeout); exiting to be started again", Assert.Single(stderr));
    }
}
