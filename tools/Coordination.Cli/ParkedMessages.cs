using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Coordination.Cli;

/// <summary>
/// The operator's view of parked messages (<c>&lt;queue&gt;_error</c>), through RabbitMQ's management API: what is
/// parked and why (the fault MassTransit recorded), and re-driving it into its queue once the cause is mended.
/// </summary>
public sealed class ParkedMessages(HttpClient http, string vhost)
{
    private static readonly string[] FaultHeaders = ["MT-Fault-ExceptionType", "MT-Fault-Message", "MT-Fault-StackTrace", "MT-Fault-Timestamp",
        "MT-Fault-ConsumerType", "MT-Fault-MessageType", "MT-Fault-InputAddress", "MT-Reason", "MT-Host-MachineName", "MT-Host-ProcessName",
        "MT-Host-ProcessId", "MT-Host-Assembly", "MT-Host-AssemblyVersion", "MT-Host-FrameworkVersion", "MT-Host-MassTransitVersion",
        "MT-Host-OperatingSystemVersion", "Coordination-Redelivery-Count"];

    public static ParkedMessages FromEnvironment(Arguments a)
    {
        static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
        var http = new HttpClient { BaseAddress = new Uri(a.Get("rabbit") ?? Env("COORD_RABBIT", "http://127.0.0.1:15672/").TrimEnd('/') + "/api/") };
        var user = Env("COORD_RABBIT_USER", "coordination");
        var password = Env("COORD_RABBIT_PASSWORD", "coordination");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return new ParkedMessages(http, a.Get("vhost") ?? Env("COORD_RABBIT_VHOST", "/"));
    }

    /// <summary>Every error queue with its messages: id, type, the fault and when it happened.</summary>
    public async Task<JsonArray> ListAsync(string? queue, CancellationToken ct)
    {
        var result = new JsonArray();
        foreach (var name in queue is { Length: > 0 } one ? [ErrorQueue(one)] : await ErrorQueuesAsync(ct))
        {
            var messages = new JsonArray();
            foreach (var m in await PeekAsync(name, ct))
            {
                var headers = Headers(m);
                messages.Add(new JsonObject
                {
                    ["messageId"] = Property(m, "message_id"),
                    ["messageType"] = Text(headers, "MT-Fault-MessageType") ?? Property(m, "type"),
                    ["reason"] = Text(headers, "MT-Fault-Message"),
                    ["exception"] = Text(headers, "MT-Fault-ExceptionType"),
                    ["faultedAt"] = Text(headers, "MT-Fault-Timestamp"),
                    ["redeliveries"] = Text(headers, "Coordination-Redelivery-Count") ?? "0",
                });
            }
            result.Add(new JsonObject { ["queue"] = name, ["parked"] = messages.Count, ["messages"] = messages });
        }
        return result;
    }

    /// <summary>
    /// Moves parked messages back into their queue (all of them, or the one with <paramref name="messageId"/>), without
    /// the fault and redelivery headers, so they get every retry again. The others stay parked.
    /// </summary>
    public async Task<int> RedriveAsync(string queue, string? messageId, CancellationToken ct)
    {
        var parked = ErrorQueue(queue);
        var target = parked[..^"_error".Length];
        var taken = await TakeAllAsync(parked, ct);
        var moved = 0;
        foreach (var m in taken)
        {
            var chosen = messageId is null || Property(m, "message_id") == messageId;
            await PublishAsync(chosen ? target : parked, m, stripFault: chosen, ct);
            if (chosen) moved++;
        }
        return moved;
    }

    private static string ErrorQueue(string queue) => queue.EndsWith("_error", StringComparison.Ordinal) ? queue : queue + "_error";

    private async Task<List<string>> ErrorQueuesAsync(CancellationToken ct)
    {
        var queues = await http.GetFromJsonAsync<JsonElement>($"queues/{Uri.EscapeDataString(vhost)}?columns=name", ct);
        return [.. queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).Where(n => n.EndsWith("_error", StringComparison.Ordinal)).Order()];
    }

    private Task<List<JsonElement>> PeekAsync(string queue, CancellationToken ct) => GetAsync(queue, "ack_requeue_true", ct);
    private Task<List<JsonElement>> TakeAllAsync(string queue, CancellationToken ct) => GetAsync(queue, "ack_requeue_false", ct);

    private async Task<List<JsonElement>> GetAsync(string queue, string ackMode, CancellationToken ct)
    {
        var response = await http.PostAsJsonAsync($"queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}/get",
            new { count = 10_000, ackmode = ackMode, encoding = "base64" }, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) throw new UsageException($"no queue {queue} in virtual host {vhost}");
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray()];
    }

    private async Task PublishAsync(string queue, JsonElement message, bool stripFault, CancellationToken ct)
    {
        var properties = JsonNode.Parse(message.GetProperty("properties").GetRawText())!.AsObject();
        if (stripFault && properties["headers"] is JsonObject headers)
            foreach (var name in FaultHeaders) headers.Remove(name);
        var response = await http.PostAsJsonAsync($"exchanges/{Uri.EscapeDataString(vhost)}/amq.default/publish", new JsonObject
        {
            ["properties"] = properties, ["routing_key"] = queue,
            ["payload"] = message.GetProperty("payload").GetString(), ["payload_encoding"] = "base64",
        }, ct);
        response.EnsureSuccessStatusCode();
        var routed = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("routed").GetBoolean();
        if (!routed) throw new InvalidOperationException($"RabbitMQ did not route a message to {queue}; it was taken from the error queue: {message.GetRawText()}");
    }

    private static JsonElement? Headers(JsonElement m) =>
        m.GetProperty("properties").TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object ? h : null;

    private static string? Text(JsonElement? headers, string name) =>
        headers is { } h && h.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;

    private static string? Property(JsonElement m, string name) =>
        m.GetProperty("properties").TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
