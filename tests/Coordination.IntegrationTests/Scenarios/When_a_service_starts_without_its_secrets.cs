using Coordination.IntegrationTests.Fixtures;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Outside Development nothing falls back to a value that ships in the repository: a service stops at once.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_service_starts_without_its_secrets(SystemFixture system)
{
    public static TheoryData<string, string> Services => new()
    {
        { "Intake", "intake" }, { "Assignment", "assignment" }, { "LegalDiversion", "legal-diversion" },
        { "JointMeeting", "joint-meeting" }, { "Reporting", "reporting" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Without_the_directory_address_it_exits_with_a_one_line_reason(string service, string name)
    {
        var (exitCode, stderr) = await RunAsync(service, settings => settings.Remove("Auth:Authority"));
        Assert.Equal(2, exitCode);
        Assert.Equal($"{name}: no token issuer: set Auth__Authority to the Directory's address", Assert.Single(stderr));
    }

    [Fact]
    public async Task Intake_without_the_identity_pepper_exits_with_a_one_line_reason()
    {
        var (exitCode, stderr) = await RunAsync("Intake", settings => settings.Remove("Intake:IdentityPepper"));
        Assert.Equal(2, exitCode);
        Assert.Equal("intake: no identity-number pepper: set Intake__IdentityPepper to a random secret of at least 16 characters", Assert.Single(stderr));
    }

    [Fact]
    public async Task Intake_with_a_short_pepper_exits_too()
    {
        var (exitCode, stderr) = await RunAsync("Intake", settings => settings["Intake:IdentityPepper"] = "short");
        Assert.Equal(2, exitCode);
        Assert.StartsWith("intake: no identity-number pepper", Assert.Single(stderr));
    }

    private Task<(int ExitCode, List<string> Stderr)> RunAsync(string service, Action<Dictionary<string, string?>> change) =>
        ServiceProcess.RunUntilExitAsync(system, service, service.ToLowerInvariant() + "_nosecret", change, TimeSpan.FromSeconds(60));
}
