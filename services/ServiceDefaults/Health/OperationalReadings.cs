using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Coordination.ServiceDefaults.Telemetry;

namespace Coordination.ServiceDefaults.Health;

/// <summary>
/// The latest outbox and queue readings, written by the health checks and HealthSampler and observed by the
/// Coordination meter's gauges. Gauges read these and never the database or the broker: an exporter's collection runs
/// synchronously and must stay cheap.
/// </summary>
public sealed class OperationalReadings : IDisposable
{
    private readonly TimeProvider _clock;
    private volatile OutboxBacklog? _outbox;
    private volatile IReadOnlyList<QueueReading> _queues = [];
    private volatile StoreReading? _store;
    private long _lastScanTicks;

    // One meter a process with gauges over every live instance (a service is a process; a test process runs several
    // instances, and an exporter would keep only the first instance's instruments of each name).
    private static readonly Meter Meter = new(TelemetryExtensions.MeterName);
    private static readonly ConcurrentDictionary<OperationalReadings, byte> Live = new();

    static OperationalReadings()
    {
        Meter.CreateObservableGauge("coordination.outbox.backlog", () => Each(r => r.Outbox(o => o.Rows)), "{message}",
            "Outbox rows committed and not yet published");
        Meter.CreateObservableGauge("coordination.outbox.oldest_age", () => Each(r => r.Outbox(o => o.AgeAt(r._clock.GetUtcNow()).TotalSeconds)), "s",
            "Age of the oldest unpublished outbox row");
        Meter.CreateObservableGauge("coordination.outbox.quarantined", () => Each(r => r.Outbox(o => o.Quarantined)), "{message}",
            "Outbox rows quarantined until an operator releases or discards them");
        Meter.CreateObservableGauge("coordination.queue.ready", () => Each(r => r.PerQueue(q => q.Ready, q => q.Queue)), "{message}",
            "Messages waiting in this service's receive queues (consumer lag)");
        Meter.CreateObservableGauge("coordination.queue.parked", () => Each(r => r.PerQueue(q => q.Parked, q => q.ErrorQueue)), "{message}",
            "Messages parked in this service's _error queues");
        Meter.CreateObservableGauge("coordination.queue.oldest_parked_age",
            () => Each(r => r.PerQueue(q => q.OldestParkedAt is { } at ? (r._clock.GetUtcNow() - at).TotalSeconds : 0, q => q.ErrorQueue)), "s",
            "How long the oldest message of each _error queue has been parked");
        Meter.CreateObservableGauge("coordination.inbox.size", () => Each(r => r.Store(s => s.InboxRows)), "{message}",
            "Messages remembered in the inbox (applied once; pruned after Outbox:InboxRetention)");
        Meter.CreateObservableGauge("coordination.deadlines.overdue", () => Each(r => r.Store(s => s.Overdue, s => s.HasDeadlines)), "{limit}",
            "Limits past due and not met (逾期), 督办 included");
        Meter.CreateObservableGauge("coordination.deadlines.supervised", () => Each(r => r.Store(s => s.Supervised, s => s.HasDeadlines)), "{limit}",
            "Limits still not met after 督办 was issued");
        Meter.CreateObservableGauge("coordination.deadlines.scanner_lag", () => Each(r => r.Store(s => s.ScannerLagSeconds, s => s.HasDeadlines)), "s",
            "How long the most overdue rung waits for the scanner (0 when nothing is due)");
        Meter.CreateObservableGauge("coordination.deadlines.last_scan_age", () => Each(r => r.LastScanAge()), "s",
            "Seconds since the deadline scanner last finished a scan (a stalled scanner keeps growing)");
    }

    public OperationalReadings(TimeProvider clock)
    {
        _clock = clock;
        Live[this] = 0;
    }

    public void Dispose() => Live.TryRemove(this, out _);

    private static IEnumerable<Measurement<double>> Each(Func<OperationalReadings, IEnumerable<Measurement<double>>> readings) =>
        Live.Keys.SelectMany(readings);

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
