using System.Diagnostics.Metrics;

namespace Coordination.ServiceDefaults.Telemetry;

/// <summary>
/// The Coordination meter's counters for what the services do: cases registered, outbox messages published, deadline
/// rungs fired, early warnings raised. The gauges (backlogs, queues, overdue limits, the scanner) are in
/// Health.OperationalReadings. Exported by OTLP and on /metrics (Prometheus).
/// </summary>
public sealed class CoordinationMetrics
{
    // One set of counters a process (a service is a process): instances of a service run side by side in one test process
    // would otherwise each register the same instruments, and an exporter keeps only the first of each name.
    private static readonly Meter Meter = new(TelemetryExtensions.MeterName);
    private static readonly Counter<long> RegisteredPetitions = Meter.CreateCounter<long>("coordination.petitions.registered", "{petition}",
        "Petitions registered, by what the registration decided (opened a case, repeat, skip-level...)");
    private static readonly Counter<long> PublishedMessages = Meter.CreateCounter<long>("coordination.outbox.published", "{message}",
        "Outbox messages the relay published to RabbitMQ");
    private static readonly Counter<long> FiredRungs = Meter.CreateCounter<long>("coordination.deadlines.fired", "{rung}",
        "Deadline rungs fired by the scanner (reminder, overdue, supervision, timers), by action");
    private static readonly Counter<long> RaisedWarnings = Meter.CreateCounter<long>("coordination.warnings.raised", "{warning}",
        "Early warnings raised, by kind");

    public void Registered(string decision) => RegisteredPetitions.Add(1, new KeyValuePair<string, object?>("decision", decision));

    public void Published(int messages) => PublishedMessages.Add(messages);

    public void Fired(string action) => FiredRungs.Add(1, new KeyValuePair<string, object?>("action", action));

    public void WarningRaised(string kind) => RaisedWarnings.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
