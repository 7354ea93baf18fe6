using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>The shipped client reaches the petitioner's self-service (no sign-in) and the clerk's search (issue 16).</summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_command_line_finds_and_follows_a_case(SystemFixture system)
{
    [Fact]
    public async Task A_clerk_searches_by_case_number_and_the_petitioner_follows_it_with_the_code()
    {
        var request = Petitions.Valid(region: "320106", topic: "labour");
        request.Petitioners[0].Phone = "139-0000-5832";
        var registered = await new IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(request, Callers.Clerk());
        var addresses = new Dictionary<string, string> { ["COORD_INTAKE"] = $"http://127.0.0.1:{system.Intake.GrpcPort}" };
        var clerk = TestTokens.Mint("clerk", Roles.Clerk, "nanjing-petition-bureau", "320100");

        var found = await CoordCli.RunAsync(system, addresses, "--token", clerk, "search", "--case-number", registered.CaseNumber);
        Assert.Contains(registered.CaseId, found);
        var none = await CoordCli.RunAsync(system, addresses, "--token", clerk, "search", "--case-number", registered.CaseNumber, "--topic", "housing");
        Assert.DoesNotContain(registered.CaseId, none);

        var progress = await Eventually.UntilAsync(() => CoordCli.RunAsync(system, addresses, "progress", registered.QueryCode, "--factor", "5832"),
            output => output.Contains("\"status\": \"assigned\""), "the hand-over in the petitioner's view through coord");
        Assert.Contains(registered.CaseNumber, progress);
    }
}
