using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Coordination.ServiceDefaults.Health;

/// <summary>
/// Degraded when the outbox relay is far behind (Health:OutboxBacklogRows) or an unsent row is old (Health:OutboxBacklogAge):
/// the service still takes work, but what it commits is not reaching the others. Degraded too while any row is
/// quarantined: a case's later events wait behind it until an operator releases or discards it (`coord outbox`).
/// </summary>
public sealed class OutboxBacklogCheck(OutboxBacklogProbe probe, IOptions<HealthOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (await probe.ReadAsync(ct) is not { } backlog) return HealthCheckResult.Healthy("no outbox");
        var age = backlog.AgeAt(clock.GetUtcNow());
        var data = new Dictionary<string, object>
        {
            ["rows"] = backlog.Rows, ["oldestAgeSeconds"] = Math.Round(age.TotalSeconds, 1), ["quarantined"] = backlog.Quarantined,
        };
        var description = backlog.Rows == 0 ? "outbox empty" : $"{backlog.Rows} unsent, the oldest {age.TotalSeconds:F0} s old";
        if (backlog.Quarantined > 0)
            return HealthCheckResult.Degraded($"{backlog.Quarantined} outbox rows quarantined (coord outbox SERVICE); {description}", data: data);
        return backlog.Rows > options.Value.OutboxBacklogRows || age > options.Value.OutboxBacklogAge
            ? HealthCheckResult.Degraded($"relay behind: {description}", data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
