using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;

namespace Coordination.ConsoleTests.Fixtures;

/// <summary>Petitions registered through Intake with the run's clerk token, for scenarios that start later in a case's life.</summary>
public static class Registrations
{
    public static async Task<RegisterPetitionResponse> RegisterAsync(ConsoleFixture console, Action<RegisterPetitionRequest> adjust)
    {
        var request = Petitions.Valid();
        adjust(request);
        using var directory = new DirectorySignIn(console.System);
        var token = await directory.AccessTokenAsync(console.People.Clerk, ConsoleFixture.Password);
        return await new IntakeService.IntakeServiceClient(console.System.Intake.Channel).RegisterPetitionAsync(request, DirectorySignIn.Bearer(token));
    }

    /// <summary>Assignment has the case once its hand-over is made.</summary>
    public static async Task HandedOverAsync(ConsoleFixture console, string caseId)
    {
        using var directory = new DirectorySignIn(console.System);
        var bureau = DirectorySignIn.Bearer(await directory.AccessTokenAsync(console.People.Bureau, ConsoleFixture.Password));
        var api = new AssignmentService.AssignmentServiceClient(console.System.Assignment.Channel);
        await Eventually.UntilAsync(async () => (await api.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, bureau)).Case.Assignments.Count,
            n => n > 0, "the case's hand-over in Assignment");
    }
}
