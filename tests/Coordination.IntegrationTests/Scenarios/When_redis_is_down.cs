using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Redis holds only what can be rebuilt: without it, registration and idempotency still hold.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_redis_is_down(SystemFixture system)
{
    [Fact]
    public async Task Registration_still_works_and_retries_still_return_one_case()
    {
        var deadRedis = $"127.0.0.1:{FreePort.Next()}";
        var intake = await system.StartIntakeAsync("intake_noredis", new Dictionary<string, string?> { ["Redis:Configuration"] = deadRedis });
        var client = new IntakeService.IntakeServiceClient(intake.Channel);
        var request = Petitions.Valid(region: "320113"); // its own region: this Intake database numbers cases on its own

        var first = await client.RegisterPetitionAsync(request, Callers.Clerk());
        var retry = await client.RegisterPetitionAsync(request, Callers.Clerk());

        Assert.Equal(first.CaseId, retry.CaseId);
        Assert.True(retry.Replayed);
        await Eventually.UntilAsync(
            () => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel)
                .GetCaseAsync(new GetCaseRequest { CaseId = first.CaseId }, Callers.Bureau()).ResponseAsync,
            c => c.Case.Assignments.Count == 1, "the case to be assigned");
        using var http = new HttpClient();
        var ready = await http.GetAsync($"http://127.0.0.1:{intake.HttpPort}/health/ready");
        Assert.False(ready.IsSuccessStatusCode, "readiness must report the missing Redis");
    }
}
