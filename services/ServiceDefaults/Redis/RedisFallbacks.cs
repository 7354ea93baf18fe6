using System.Diagnostics.Metrics;
using Coordination.ServiceDefaults.Telemetry;

namespace Coordination.ServiceDefaults.Redis;

/// <summary>
/// Counts Redis failures that a caller absorbed: a read answered by PostgreSQL instead, or a copy not written (PostgreSQL
/// keeps the truth). A rising count with a green service is what a Redis outage looks like (ADR 11).
/// </summary>
public sealed class RedisFallbacks
{
    private readonly Counter<long> _fallbacks;

    public RedisFallbacks(IMeterFactory meters) =>
        _fallbacks = meters.Create(TelemetryExtensions.MeterName).CreateCounter<long>("coordination.redis.fallbacks", "{failure}",
            "Redis calls that failed or timed out and were absorbed: read from PostgreSQL instead, or a copy left unwritten");

    /// <param name="use">What Redis was used for, e.g. "intake.request_id.read".</param>
    public void Record(string use) => _fallbacks.Add(1, new KeyValuePair<string, object?>("use", use));
}
