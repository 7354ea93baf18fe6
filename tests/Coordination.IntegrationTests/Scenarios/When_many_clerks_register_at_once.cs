using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;

namespace Coordination.IntegrationTests.Scenarios;

[Collection(SystemCollection.Name)]
public sealed class When_many_clerks_register_at_once(SystemFixture system)
{
    [Fact]
    public async Task Case_numbers_are_unique_and_without_gaps()
    {
        var intake = new IntakeService.IntakeServiceClient(system.Intake.Channel);
        const string region = "320104"; // used by no other test, so its sequence starts at 1
        const int count = 40;
        var replies = await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
            intake.RegisterPetitionAsync(Petitions.Valid(region: region), Callers.Clerk()).ResponseAsync));
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        var expected = Enumerable.Range(1, count).Select(i => $"{region}-{year}-{i:D6}");
        Assert.Equal(expected, replies.Select(r => r.CaseNumber).Order());
    }
}
