using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Fixtures;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// An outage longer than the quick in-memory retries no longer strands a message in the error queue: it waits in
/// a TTL delay queue and comes back, until the outage is over or the last interval has passed. Each test runs its
/// own Assignment, with queues and a database of its own, so that blocking its database disturbs no other test.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_consumer_fails_for_a_while(SystemFixture system)
{
    private const string RedeliveryHeader = "Coordination-Redelivery-Count";

    [Fact]
    public async Task The_message_is_redelivered_after_the_outage_and_applied_once()
    {
        var assignment = await StartAssignmentAsync("assignment_outage", "00:00:01", "00:00:02", "00:00:04", "00:00:08");
        try
        {
            await RedeliveredAfterTheOutageAsync(assignment);
        }
        finally
        {
            await RetireAsync(assignment, "assignment-outage");
        }
    }

    private async Task RedeliveredAfterTheOutageAsync(ServiceInstance assignment)
    {
        var probe = new ConsumeProbe();
        using var handle = assignment.App.Services.GetRequiredService<IBus>().ConnectConsumeObserver(probe);
        var message = When_a_message_is_delivered_twice.Registered(topic: "housing");
        var messageId = NewId.NextGuid();

        await using (var outage = await DatabaseOutage.BeginAsync(assignment))
        {
            await system.Intake.App.Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId);
            // The delay queue is declared by the first redelivery only: the quick retries (3.3 s) are spent by then.
            await Eventually.UntilAsync(() => QueueExistsAsync("assignment-outage-petition-registered_delay_1s"), exists => exists,
                "the first round of retries to fail and send the message to its delay queue", TimeSpan.FromSeconds(30));
            Assert.Equal(0, probe.Consumed(messageId));
        }

        await Eventually.UntilAsync(() => Task.FromResult(probe.Consumed(messageId)), n => n == 1, "the redelivered message to be applied",
            TimeSpan.FromSeconds(30));
        Assert.True(probe.Faulted(messageId) >= 1);
        Assert.Equal(1, await assignment.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = $1", message.CaseId));
        Assert.Equal(1, await assignment.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", messageId));
        Assert.Empty(await ErrorMessagesAsync("assignment-outage-petition-registered_error"));
        Assert.Equal(0, await MessagesInAsync("assignment-outage-petition-registered_delay_1s"));
    }

    [Fact]
    public async Task An_outage_that_outlasts_every_interval_parks_the_message_in_the_error_queue()
    {
        var assignment = await StartAssignmentAsync("assignment_parked", "00:00:01", "00:00:01");
        try
        {
            await ParkedAfterTheLastIntervalAsync(assignment);
        }
        finally
        {
            await RetireAsync(assignment, "assignment-parked");
        }
    }

    private async Task ParkedAfterTheLastIntervalAsync(ServiceInstance assignment)
    {
        var message = When_a_message_is_delivered_twice.Registered(topic: "housing");
        var messageId = NewId.NextGuid();

        await using (await DatabaseOutage.BeginAsync(assignment))
        {
            await system.Intake.App.Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId);
            // Three rounds of quick retries (3 x 3.3 s) and two waits of a second.
            var parked = await Eventually.UntilAsync(async () => (await ErrorMessagesAsync("assignment-parked-petition-registered_error"))
                    .Where(m => m.GetProperty("payload").GetString()!.Contains(messageId.ToString())).ToList(),
                found => found.Count > 0, "the message parked in assignment-parked-petition-registered_error", TimeSpan.FromSeconds(60));

            var single = Assert.Single(parked);
            var headers = single.GetProperty("properties").GetProperty("headers");
            Assert.Equal(2, headers.GetProperty(RedeliveryHeader).GetInt32());
            Assert.Contains("Npgsql", headers.GetProperty("MT-Fault-ExceptionType").GetString() + headers.GetProperty("MT-Fault-Message").GetString(),
                StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0, await MessagesInAsync("assignment-parked-petition-registered_delay_1s"));
        Assert.Equal(0, await assignment.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = $1", message.CaseId));
        Assert.Equal(0, await assignment.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", messageId));
    }

    [Fact]
    public async Task The_operator_lists_a_parked_message_with_its_reason_and_redrives_it_after_the_outage()
    {
        var assignment = await StartAssignmentAsync("assignment_redrive", "00:00:01");
        try
        {
            var message = When_a_message_is_delivered_twice.Registered(topic: "housing");
            var messageId = NewId.NextGuid();
            const string queue = "assignment-redrive-petition-registered";
            await using (await DatabaseOutage.BeginAsync(assignment))
            {
                await system.Intake.App.Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId);
                await Eventually.UntilAsync(async () => (await ErrorMessagesAsync(queue + "_error")).Count, n => n == 1,
                    $"the message parked in {queue}_error", TimeSpan.FromSeconds(60));
            }

            var listed = await CoordCli.RunAsync(system, "errors", queue);
            Assert.Contains(messageId.ToString(), listed);
            Assert.Contains("\"parked\": 1", listed);
            Assert.Contains("Npgsql", listed); // the reason MassTransit recorded

            Assert.Contains("re-drove 1 message(s)", await CoordCli.RunAsync(system, "errors", "redrive", queue + "_error", "--message-id", messageId.ToString()));
            await Eventually.UntilAsync(() => assignment.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = $1", message.CaseId), n => n == 1,
                "the re-driven message to be applied");
            Assert.Empty(await ErrorMessagesAsync(queue + "_error"));
            Assert.Equal(1, await assignment.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", messageId));
        }
        finally
        {
            await RetireAsync(assignment, "assignment-redrive");
        }
    }

    private async Task<ServiceInstance> StartAssignmentAsync(string database, params string[] intervals)
    {
        var settings = new Dictionary<string, string?> { ["RabbitMq:EndpointPrefix"] = database.Replace('_', '-') };
        for (var i = 0; i < intervals.Length; i++) settings[$"RabbitMq:Redelivery:Intervals:{i}"] = intervals[i];
        var assignment = await system.StartAssignmentAsync(database, settings);
        await system.KnowTheDirectoryAsync(assignment);
        return assignment;
    }

    /// <summary>
    /// A second Assignment left running would route every later PetitionRegistered of the run again, from its own
    /// database, and double the other tests' CaseAssigned and referrals; its queues would keep collecting copies.
    /// </summary>
    private async Task RetireAsync(ServiceInstance assignment, string prefix)
    {
        await assignment.StopAsync();
        using var http = system.Infra.RabbitManagement();
        var queues = await http.GetFromJsonAsync<JsonElement>($"queues/{Uri.EscapeDataString(system.RunId)}?columns=name");
        foreach (var name in queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).Where(n => n.StartsWith(prefix + "-")))
            (await http.DeleteAsync(QueuePath(name))).EnsureSuccessStatusCode();
    }

    private string QueuePath(string queue) => $"queues/{Uri.EscapeDataString(system.RunId)}/{queue}";

    private async Task<bool> QueueExistsAsync(string queue)
    {
        using var http = system.Infra.RabbitManagement();
        return (await http.GetAsync(QueuePath(queue))).IsSuccessStatusCode;
    }

    private async Task<long> MessagesInAsync(string queue)
    {
        using var http = system.Infra.RabbitManagement();
        // The management API's counters lag; a non-destructive get reads what is there now.
        return (await GetAsync(http, queue)).Count;
    }

    private async Task<List<JsonElement>> ErrorMessagesAsync(string queue)
    {
        using var http = system.Infra.RabbitManagement();
        return await GetAsync(http, queue);
    }

    private async Task<List<JsonElement>> GetAsync(HttpClient http, string queue)
    {
        var response = await http.PostAsJsonAsync($"{QueuePath(queue)}/get", new { count = 1000, ackmode = "ack_requeue_true", encoding = "auto" });
        if (response.StatusCode == HttpStatusCode.NotFound) return []; // never declared: nothing was ever sent there
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
