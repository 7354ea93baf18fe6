using System.Diagnostics.Metrics;

namespace Coordination.ServiceDefaults.Telemetry;

/// <summary>
/// The Coordination meter's counters for what the services do: cases registered, outbox messages published, deadline
/// rungs fired, early warnings raised. The gauges (backlogs, queues, overdue limits, the scanner) are in
/// Health.OperationalReadings. Exported by OTLP and on /metrics (Prometheus).
/// </summary>
public sealed class CoordinationMetrics
{
    private readonly Counter<long> _registered;
    private readonly Counter<long> _published;
    private readonly Counter<long> _rungs;
    private readonly Counter<long> _warnings;

    public CoordinationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryExtensions.MeterName);
        _registered = meter.CreateCounter<long>("coordination.petitions.registered", "{petition}",
            "Petitions registered, by what the registration decided (opened a case, repeat, skip-level...)");
        _published = meter.CreateCounter<long>("coordination.outbox.published", "{message}", "Outbox messages the relay published to RabbitMQ");
        _rungs = meter.CreateCounter<long>("coordination.deadlines.fired", "{rung}",
            "Deadline rungs fired by the scanner (reminder, overdue, supervision, timers), by action");
        _warnings = meter.CreateCounter<long>("coordination.warnings.raised", "{warning}", "Early warnings raised, by kind");
    }

    public void Registered(string decision) => _registered.Add(1, new KeyValuePair<string, object?>("decision", decision));

    public void Published(int messages) => _published.Add(messages);

    public void Fired(string action) => _rungs.Add(1, new KeyValuePair<string, object?>("action", action));

    public void WarningRaised(string kind) => _warnings.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
