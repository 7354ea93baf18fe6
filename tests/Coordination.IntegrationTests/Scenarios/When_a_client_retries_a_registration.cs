using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;

namespace Coordination.IntegrationTests.Scenarios;

[Collection(SystemCollection.Name)]
public sealed class When_a_client_retries_a_registration(SystemFixture system)
{
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);

    [Fact]
    public async Task A_retry_returns_the_same_case_marked_replayed()
    {
        var request = Petitions.Valid();
        var first = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        var retry = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.CaseId, retry.CaseId);
        Assert.Equal(first.CaseNumber, retry.CaseNumber);
    }

    [Fact]
    public async Task Parallel_calls_with_one_request_id_create_one_case()
    {
        var request = Petitions.Valid();
        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Intake.RegisterPetitionAsync(request, Callers.Clerk()).ResponseAsync));
        Assert.Single(replies.Select(r => r.CaseId).Distinct());
        Assert.Equal(1, replies.Count(r => !r.Replayed));
        Assert.Equal(1, await system.Intake.CountAsync("SELECT count(*) FROM petitions WHERE \"RequestId\" = $1", request.RequestId));
    }

    [Fact]
    public async Task The_same_request_id_from_another_unit_is_another_registration()
    {
        var request = Petitions.Valid();
        var ours = await Intake.RegisterPetitionAsync(request, Callers.Clerk("nanjing-petition-bureau"));
        var theirs = await Intake.RegisterPetitionAsync(request, Callers.Clerk("gulou-petition-office"));
        Assert.False(theirs.Replayed);
        Assert.NotEqual(ours.RegistrationId, theirs.RegistrationId);
        // Same person, same matter, same level: the second unit's registration joins the first case as a repeat.
        Assert.Equal(Outcome.Repeat, theirs.Outcome);
        Assert.Equal(ours.CaseId, theirs.CaseId);
    }
}
