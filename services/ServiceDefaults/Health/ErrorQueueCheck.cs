using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.ServiceDefaults.Health;

/// <summary>
/// Degraded while any of this service's _error queues holds a message: each is a case event that no retry will deliver,
/// waiting for a person. Names each queue, its depth and how long its oldest message has waited.
/// </summary>
public sealed class ErrorQueueCheck(QueueProbe probe, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var parked = (await probe.ReadAsync(ct)).Where(q => q.Parked > 0).ToList();
        if (parked.Count == 0) return HealthCheckResult.Healthy("no parked messages");
        var now = clock.GetUtcNow();
        var data = parked.ToDictionary(q => q.ErrorQueue, q => (object)new
        {
            depth = q.Parked,
            oldestAgeSeconds = q.OldestParkedAt is { } at ? Math.Round((now - at).TotalSeconds, 1) : (double?)null,
        });
        var description = string.Join("; ", parked.Select(q =>
            $"{q.ErrorQueue}: {q.Parked} parked" + (q.OldestParkedAt is { } at ? $", the oldest for {(now - at).TotalSeconds:F0} s" : "")));
        return HealthCheckResult.Degraded(description, data: data);
    }
}
