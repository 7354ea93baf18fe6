using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Coordination.ServiceDefaults.Health;

/// <summary>
/// Reads this service's queues through the RabbitMQ management API: messages ready in each receive queue and parked in
/// its _error queue, with when the oldest parked one was parked. Records them for the gauges.
/// </summary>
public sealed class QueueProbe : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _vhost;
    private readonly ReceiveQueues _queues;
    private readonly OperationalReadings _readings;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Dictionary<string, (long Parked, DateTimeOffset Oldest)> _parked = [];

    public QueueProbe(IOptions<ManagementApiOptions> options, ReceiveQueues queues, OperationalReadings readings, TimeProvider clock)
    {
        var o = options.Value;
        _http = new HttpClient { BaseAddress = new Uri($"http://{o.Host}:{o.ManagementPort}/api/"), Timeout = TimeSpan.FromSeconds(2) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.Username}:{o.Password}")));
        _vhost = Uri.EscapeDataString(o.VirtualHost);
        (_queues, _readings, _clock) = (queues, readings, clock);
    }

    public async Task<IReadOnlyList<QueueReading>> ReadAsync(CancellationToken ct)
    {
        await _one.WaitAsync(ct); // one reader at a time: the sampler and a health request must not both peek a queue
        try
        {
            var listed = (await _http.GetFromJsonAsync<JsonElement>($"queues/{_vhost}?columns=name,messages,messages_ready", ct))
                .EnumerateArray().ToDictionary(q => q.GetProperty("name").GetString()!,
                    q => (Messages: Number(q, "messages"), Ready: Number(q, "messages_ready")));
            var readings = new List<QueueReading>();
            foreach (var queue in _queues.Names)
            {
                var parked = listed.TryGetValue(queue + "_error", out var error) ? error.Messages : 0;
                var oldest = await OldestParkedAsync(queue + "_error", parked, ct);
                readings.Add(new QueueReading(queue, listed.TryGetValue(queue, out var own) ? own.Ready : 0, parked, oldest));
            }
            _readings.Record(readings);
            return readings;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>
    /// Peeking is a delivery (a quorum queue counts it against any delivery limit), so the head is peeked only when it may
    /// have changed: when the queue was empty before, or has fewer messages than when last read. More messages behind an
    /// unchanged head leave its age as it was.
    /// </summary>
    private async Task<DateTimeOffset?> OldestParkedAsync(string errorQueue, long parked, CancellationToken ct)
    {
        if (parked == 0)
        {
            _parked.Remove(errorQueue);
            return null;
        }
        if (_parked.TryGetValue(errorQueue, out var known) && parked >= known.Parked)
        {
            _parked[errorQueue] = (parked, known.Oldest);
            return known.Oldest;
        }
        // Parked when MassTransit faulted it; failing that, no later than now (when this probe first saw it).
        var oldest = await PeekFaultTimeAsync(errorQueue, ct) ?? _clock.GetUtcNow();
        _parked[errorQueue] = (parked, oldest);
        return oldest;
    }

    private async Task<DateTimeOffset?> PeekFaultTimeAsync(string errorQueue, CancellationToken ct)
    {
        var response = await _http.PostAsJsonAsync($"queues/{_vhost}/{Uri.EscapeDataString(errorQueue)}/get",
            new { count = 1, ackmode = "ack_requeue_true", encoding = "auto", truncate = 64 }, ct);
        if (!response.IsSuccessStatusCode) return null;
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0) return null;
        var properties = messages[0].GetProperty("properties");
        if (properties.TryGetProperty("headers", out var headers) && headers.TryGetProperty("MT-Fault-Timestamp", out var faulted)
            && faulted.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(faulted.GetString(), out var at))
            return at.ToUniversalTime();
        return properties.TryGetProperty("timestamp", out var sent) && sent.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    private static long Number(JsonElement queue, string field) =>
        queue.TryGetProperty(field, out var value) && value.TryGetInt64(out var n) ? n : 0;

    public void Dispose()
    {
        _http.Dispose();
        _one.Dispose();
    }
}
