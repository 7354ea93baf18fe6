using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Coordination.Intake.Workflow;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// Registrations arriving together share transactions (RegistrationGroups, ADR 34), and each is still registered once:
    /// requests sent twice under one request id end as one registration and a replay, whichever group each copy met.
    /// </summary>
    [Fact]
    public async Task They_are_committed_in_groups_and_each_request_id_registers_once()
    {
        var intake = new IntakeService.IntakeServiceClient(system.Intake.Channel);
        var groups = system.Intake.App.Services.GetRequiredService<RegistrationGroups>();
        var (transactionsBefore, itemsBefore) = (groups.Transactions, groups.Items);
        var requests = Enumerable.Range(0, 48).Select(_ => Petitions.Valid(region: "320111", topic: "labour")).ToList();
        var replies = await Task.WhenAll(requests.Concat(requests.Take(12)).Select(r =>
            intake.RegisterPetitionAsync(r, Callers.Clerk()).ResponseAsync));

        Assert.Equal(requests.Count, replies.Count(r => !r.Replayed));
        Assert.Equal(requests.Count, replies.Select(r => r.RegistrationId).Distinct().Count());
        Assert.All(replies.Take(12).Zip(replies.Skip(requests.Count)), pair => Assert.Equal(pair.First.RegistrationId, pair.Second.RegistrationId));
        Assert.Equal(requests.Count, await system.Intake.CountAsync(
            "SELECT count(*) FROM petitions WHERE \"RequestId\" = ANY($1)", (object)requests.Select(r => r.RequestId).ToArray()));
        Assert.Equal(requests.Count, await system.Intake.CountAsync(
            "SELECT count(DISTINCT \"CaseNumber\") FROM petitions WHERE \"RequestId\" = ANY($1)", (object)requests.Select(r => r.RequestId).ToArray()));
        var (transactions, items) = (groups.Transactions - transactionsBefore, groups.Items - itemsBefore);
        Assert.True(transactions < items, $"{transactions} registration transactions for {items} registrations handed in");
    }
}
