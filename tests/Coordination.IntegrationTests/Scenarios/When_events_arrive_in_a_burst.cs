using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Fixtures;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Reporting folds the events consumed at the same moment in one transaction (GroupCommit, issue 15), and still applies
/// each exactly once: copies in the same batch are skipped by the inbox, and an event that can never be folded fails
/// alone and is parked, while the rest of its batch is folded. The live counters a batch raises are locked and loaded
/// for the whole batch at once (PreloadedRows): each registration still counts once, on new and on existing rows.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_events_arrive_in_a_burst(SystemFixture system)
{
    [Fact]
    public async Task Reporting_folds_them_together_once_each_and_parks_only_the_bad_one()
    {
        var batches = system.Reporting.App.Services.GetRequiredService<GroupCommit<ReportingDb>>();
        var bus = system.Intake.App.Services.GetRequiredService<IBus>();
        // Regions no other test counts in, so that their counters move only by this burst.
        string[] regions = ["329981", "329982", "329983"];
        var good = Enumerable.Range(0, 120).Select(i => (Id: NewId.NextGuid(), Message: When_a_message_is_delivered_twice.Registered(topic: "housing", region: regions[i % 3]))).ToList();
        // A case number longer than Reporting's column: PostgreSQL refuses its fold every time.
        var poison = When_a_message_is_delivered_twice.Registered(topic: "housing") with { CaseNumber = new string('9', 40) };
        var poisonId = NewId.NextGuid();
        var (transactionsBefore, eventsBefore) = (batches.Transactions, batches.Messages);

        var deliveries = good.Select(g => bus.Publish(g.Message, ctx => ctx.MessageId = g.Id))
            .Concat(good.Take(20).Select(g => bus.Publish(g.Message, ctx => ctx.MessageId = g.Id))) // 20 copies under the same ids
            .Append(bus.Publish(poison, ctx => ctx.MessageId = poisonId));
        await Task.WhenAll(deliveries);

        var caseIds = good.Select(g => g.Message.CaseId).ToArray();
        await Eventually.UntilAsync(() => system.Reporting.CountAsync(
                "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = 'PetitionRegistered' AND \"CaseId\" = ANY($1)", caseIds),
            n => n == good.Count, "every good event on the timeline", TimeSpan.FromSeconds(60));
        await Eventually.UntilAsync(() => ParkedAsync(poisonId), parked => parked, "the bad event in reporting-timeline_error", TimeSpan.FromSeconds(30));
        await Eventually.UntilAsync(() => Task.FromResult(batches.Messages - eventsBefore), n => n >= 141, "every delivery handed to a fold");

        Assert.Equal(good.Count, await system.Reporting.CountAsync(
            "SELECT count(DISTINCT \"CaseId\") FROM timeline_entries WHERE \"Kind\" = 'PetitionRegistered' AND \"CaseId\" = ANY($1)", caseIds));
        Assert.Equal(good.Count, await system.Reporting.CountAsync("SELECT count(*) FROM event_log WHERE \"CaseId\" = ANY($1) AND \"MessageType\" LIKE 'Coordination.Contracts.Intake.PetitionRegistered,%'", caseIds)); // Assignment's CaseAssigned follow
        Assert.Equal(good.Count, await system.Reporting.CountAsync(
            "SELECT count(*) FROM inbox_messages WHERE message_id = ANY($1)", good.Select(g => g.Id).ToArray()));
        Assert.Equal(0, await system.Reporting.CountAsync("SELECT count(*) FROM timeline_entries WHERE \"CaseId\" = $1", poison.CaseId));
        Assert.Equal(0, await system.Reporting.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", poisonId));
        // Fewer transactions than deliveries: the burst was folded in batches, not one event at a time.
        var (transactions, events) = (batches.Transactions - transactionsBefore, batches.Messages - eventsBefore);
        Assert.True(transactions < events, $"{transactions} fold transactions for {events} deliveries");
        var counted = await RegisteredAsync(regions);
        Assert.Equal([40L, 40L, 40L], counted); // the 20 copies counted nothing

        // A second burst on the counters the first one made: loaded, locked and raised in the batch's transaction (a
        // counter taken for absent would be inserted twice: its group would fail and be folded again one by one).
        var failedBefore = batches.FailedGroups;
        var more = Enumerable.Range(0, 120).Select(i => When_a_message_is_delivered_twice.Registered(topic: "housing", region: regions[i % 3])).ToList();
        await Task.WhenAll(more.Select(m => bus.Publish(m)));
        await Eventually.UntilAsync(() => RegisteredAsync(regions), n => n.SequenceEqual([80L, 80L, 80L]), "forty more on each region's counter");
        Assert.Equal(failedBefore, batches.FailedGroups);
    }

    /// <summary>Registrations counted on each region's live counters (every day: a burst may cross midnight in Nanjing).</summary>
    private async Task<long[]> RegisteredAsync(string[] regions) => [.. await Task.WhenAll(regions.Select(r =>
        system.Reporting.CountAsync("SELECT coalesce(sum(\"Registered\"), 0) FROM live_counters WHERE \"RegionCode\" = $1", r)))];

    private async Task<bool> ParkedAsync(Guid messageId)
    {
        using var http = system.Infra.RabbitManagement();
        var response = await http.PostAsJsonAsync($"queues/{Uri.EscapeDataString(system.RunId)}/reporting-timeline_error/get",
            new { count = 1000, ackmode = "ack_requeue_true", encoding = "auto" });
        if (!response.IsSuccessStatusCode) return false;
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
        return messages.EnumerateArray().Any(m => m.GetProperty("payload").GetString()!.Contains(messageId.ToString()));
    }
}
