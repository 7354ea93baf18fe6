using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Fixtures;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Nothing is dropped silently, and nothing that can never succeed is tried again: a permanent failure skips the
/// quick retries and the delayed redelivery (minutes) and lands in the error queue at once.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_message_cannot_be_processed(SystemFixture system)
{
    [Fact]
    public async Task It_goes_to_the_error_queue_and_changes_nothing()
    {
        var probe = new ConsumeProbe();
        using var handle = system.Assignment.App.Services.GetRequiredService<IBus>().ConnectConsumeObserver(probe);
        // A topic longer than Assignment's column: the database refuses it on every attempt.
        var message = When_a_message_is_delivered_twice.Registered(topic: new string('t', 100));
        var messageId = NewId.NextGuid();

        await system.Intake.App.Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId);

        // Promptly: under the quick retries' 3.3 s and far under the first delayed redelivery's 5 s.
        var parked = await Eventually.UntilAsync(() => ErrorQueueMessageAsync(messageId), found => found is not null,
            "the message in assignment-petition-registered_error", TimeSpan.FromSeconds(10));
        Assert.Equal(1, probe.Faulted(messageId)); // one attempt: no retries for a string too long
        var headers = parked!.Value.GetProperty("properties").GetProperty("headers");
        Assert.False(headers.TryGetProperty("Coordination-Redelivery-Count", out _)); // never sent round a delay queue
        Assert.Contains("22001", headers.GetProperty("MT-Fault-Message").GetString() ?? "");
        Assert.Equal(0, probe.Consumed(messageId));
        Assert.Equal(0, await system.Assignment.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = $1", message.CaseId));
        Assert.Equal(0, await system.Assignment.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", messageId));
    }

    private async Task<JsonElement?> ErrorQueueMessageAsync(Guid messageId)
    {
        using var http = system.Infra.RabbitManagement();
        var response = await http.PostAsJsonAsync($"queues/{Uri.EscapeDataString(system.RunId)}/assignment-petition-registered_error/get",
            new { count = 1000, ackmode = "ack_requeue_true", encoding = "auto" });
        if (!response.IsSuccessStatusCode) return null;
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
        return messages.EnumerateArray().Where(m => m.GetProperty("payload").GetString()!.Contains(messageId.ToString()))
            .Select(m => (JsonElement?)m).FirstOrDefault();
    }
}
