using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Fixtures;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Nothing is dropped silently: after its retries a poison message lands in the error queue.</summary>
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

        await Eventually.UntilAsync(() => ErrorQueueHoldsAsync(messageId), found => found, "the message in assignment-petition-registered_error",
            TimeSpan.FromSeconds(30));
        Assert.True(probe.Faulted(messageId) >= 1);
        Assert.Equal(0, probe.Consumed(messageId));
        Assert.Equal(0, await system.Assignment.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = $1", message.CaseId));
        Assert.Equal(0, await system.Assignment.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", messageId));
    }

    private async Task<bool> ErrorQueueHoldsAsync(Guid messageId)
    {
        using var http = system.Infra.RabbitManagement();
        var response = await http.PostAsJsonAsync($"queues/{Uri.EscapeDataString(system.RunId)}/assignment-petition-registered_error/get",
            new { count = 1000, ackmode = "ack_requeue_true", encoding = "auto" });
        if (!response.IsSuccessStatusCode) return false;
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
        return messages.EnumerateArray().Any(m => m.GetProperty("payload").GetString()!.Contains(messageId.ToString()));
    }
}
