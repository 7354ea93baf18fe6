using System.Diagnostics.Metrics;
using Coordination.ServiceDefaults.Telemetry;

namespace Coordination.ServiceDefaults.Health;

/// <summary>
/// The latest outbox and queue readings, written by the health checks and HealthSampler and observed by the
/// Coordination meter's gauges. Gauges read these and never the database or the broker: an exporter's collection runs
/// synchronously and must stay cheap.
/// </summary>
public sealed class OperationalReadings
{
    private readonly TimeProvider _clock;
    private volatile OutboxBacklog? _outbox;
    private volatile IReadOnlyList<QueueReading> _queues = [];
    private volatile StoreReading? _store;
    private long _lastScanTicks;

    public OperationalReadings(IMeterFactory meters, TimeProvider clock)
    {
        _clock = clock;
        var meter = meters.Create(TelemetryExtensions.MeterName);
        meter.CreateObservableGauge("coordination.outbox.backlog", () => Outbox(o => o.Rows), "{message}",
            "Outbox rows committed and not yet published");
        meter.CreateObservableGauge("coordination.outbox.oldest_age", () => Outbox(o => o.AgeAt(_clock.GetUtcNow()).TotalSeconds), "s",
            "Age of the oldest unpublished outbox row");
        meter.CreateObservableGauge("coordination.outbox.quarantined", () => Outbox(o => o.Quarantined), "{message}",
            "Outbox rows quarantined until an operator releases or discards them");
        meter.CreateObservableGauge("coordination.queue.ready", () => PerQueue(q => q.Ready, q => q.Queue), "{message}",
            "Messages waiting in this service's receive queues (consumer lag)");
        meter.CreateObservableGauge("coordination.queue.parked", () => PerQueue(q => q.Parked, q => q.ErrorQueue), "{message}",
            "Messages parked in this service's _error queues");
        meter.CreateObservableGauge("coordination.queue.oldest_parked_age",
            () => PerQueue(q => q.OldestParkedAt is { } at ? (_clock.GetUtcNow() - at).TotalSeconds : 0, q => q.ErrorQueue), "s",
            "How long the oldest message of each _error queue has been parked");
        meter.CreateObservableGauge("coordination.inbox.size", () => Store(s => s.InboxRows), "{message}",
            "Messages remembered in the inbox (applied once; pruned after Outbox:InboxRetention)");
        meter.CreateObservableGauge("coordination.deadlines.overdue", () => Store(s => s.Overdue, s => s.HasDeadlines), "{limit}",
            "Limits past due and not met (逾期), 督办 included");
        meter.CreateObservableGauge("coordination.deadlines.supervised", () => Store(s => s.Supervised, s => s.HasDeadlines), "{limit}",
            "Limits still not met after 督办 was issued");
        meter.CreateObservableGauge("coordination.deadlines.scanner_lag", () => Store(s => s.ScannerLagSeconds, s => s.HasDeadlines), "s",
            "How long the most overdue rung waits for the scanner (0 when nothing is due)");
        meter.CreateObservableGauge("coordination.deadlines.last_scan_age", LastScanAge, "s",
            "Seconds since the deadline scanner last finished a scan (a stalled scanner keeps growing)");
    }

    public void Record(StoreReading store) => _store = store;

    /// <summary>The deadline scanner finished a round: the last-scan gauge starts again from zero.</summary>
    public void ScannerCompleted() => Interlocked.Exchange(ref _lastScanTicks, _clock.GetUtcNow().UtcTicks);

    private IEnumerable<Measurement<double>> Store(Func<StoreReading, double> value, Func<StoreReading, bool>? applies = null) =>
        _store is { } store && (applies?.Invoke(store) ?? true) ? [new Measurement<double>(value(store))] : [];

    private IEnumerable<Measurement<double>> LastScanAge()
    {
        var ticks = Interlocked.Read(ref _lastScanTicks);
        return ticks == 0 ? [] : [new Measurement<double>((_clock.GetUtcNow().UtcTicks - ticks) / (double)TimeSpan.TicksPerSecond)];
    }

    public void Record(OutboxBacklog backlog) => _outbox = backlog;

    public void Record(IReadOnlyList<QueueReading> queues) => _queues = queues;

    private IEnumerable<Measurement<double>> Outbox(Func<OutboxBacklog, double> value) =>
        _outbox is { } outbox ? [new Measurement<double>(value(outbox))] : [];

    private IEnumerable<Measurement<double>> PerQueue(Func<QueueReading, double> value, Func<QueueReading, string> name) =>
        _queues.Select(q => new Measurement<double>(value(q), new KeyValuePair<string, object?>("queue", name(q))));
}
