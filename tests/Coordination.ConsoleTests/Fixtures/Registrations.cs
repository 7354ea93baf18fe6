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
}
