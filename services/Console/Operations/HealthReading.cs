using System.Text.Json;

namespace Coordination.Console.Operations;

/// <summary>One dependency's check in a service's /health/ready: postgres, rabbitmq, redis, outbox, error-queues...</summary>
public sealed record HealthCheckReading(string Name, string Status, string? Description, string? Error);

/// <summary>A service's /health/ready (ServiceDefaults' HealthJsonWriter): Healthy, Degraded or Unhealthy, and each check.</summary>
public sealed record HealthReading(string Status, IReadOnlyList<HealthCheckReading> Checks)
{
    /// <summary>The JSON body (200 or 503 alike); null when it is not the services' health JSON.</summary>
    public static HealthReading? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
                return null;
            var checks = new List<HealthCheckReading>();
            if (root.TryGetProperty("checks", out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var check in list.EnumerateArray())
                    checks.Add(new HealthCheckReading(Text(check, "name") ?? "", Text(check, "status") ?? "", Text(check, "description"), Text(check, "error")));
            return new HealthReading(status.GetString()!, checks);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
