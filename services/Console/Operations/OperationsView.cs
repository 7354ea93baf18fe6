namespace Coordination.Console.Operations;

/// <summary>A counter of one service (and one label value, if any): its total now and its rate over the last minute.</summary>
public sealed record CounterRow(string Service, string Label, double? Total, double? PerSecond);

/// <summary>One line of a chart: a value (or nothing) for each sampling round.</summary>
public sealed record ChartLine(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// The four views of the Grafana dashboards (flow per service, outbox and queues, deadlines and overdue, early warnings
/// and Redis fallbacks), computed from the sampler's rounds: counters as rates, gauges as their latest reading.
/// </summary>
public sealed class OperationsView(IReadOnlyList<SamplingRound> rounds)
{
    /// <summary>Rates in tables are over the last minute, as the dashboards' rate(…[1m]).</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    public IReadOnlyList<SamplingRound> Rounds { get; } = rounds;
    public SamplingRound? Latest => Rounds.Count == 0 ? null : Rounds[^1];
    public IReadOnlyList<DateTimeOffset> Times => Rounds.Select(r => r.At).ToList();

    /// <summary>
    /// A counter of a service in each round: null where the service did not answer; zero where it answered without the
    /// series (a counter appears once first counted).
    /// </summary>
    public IReadOnlyList<Reading> Readings(string service, Func<MetricsScrape, double?> read) =>
        Rounds.Select(r => new Reading(r.At, r.Of(service)?.Metrics is { } m ? read(m) ?? 0 : null)).ToList();

    /// <summary>A gauge of a service in each round: null where the service did not answer or does not report it.</summary>
    public IReadOnlyList<double?> Gauge(string service, string metric) =>
        Rounds.Select(r => r.Of(service)?.Metrics?.Sum(metric)).ToList();

    public double? LatestGauge(string service, string metric) => Latest?.Of(service)?.Metrics?.Sum(metric);

    public static double? Consumed(MetricsScrape m) => m.FirstPresent(MetricNames.Consumed) is { } name ? m.Sum(name) : null;

    /// <summary>A counter per service (unlabelled): total and rate.</summary>
    public CounterRow Counter(string service, Func<MetricsScrape, double?> read)
    {
        var readings = Readings(service, read);
        return new CounterRow(service, "", readings.Count == 0 ? null : readings[^1].Value, Rates.PerSecond(readings, RateWindow));
    }

    /// <summary>A labelled counter of a service, one row per label value seen in the history.</summary>
    public IReadOnlyList<CounterRow> Counters(string service, string metric, string label) =>
        LabelValues(service, metric, label).Select(value =>
        {
            var readings = Readings(service, m => m.Sum(metric, s => s.Label(label) == value));
            return new CounterRow(service, value, readings[^1].Value, Rates.PerSecond(readings, RateWindow));
        }).ToList();

    /// <summary>Per-second rate lines of a labelled counter of one service, one line per label value.</summary>
    public IReadOnlyList<ChartLine> RateLines(string service, string metric, string label, Func<string, string> name) =>
        LabelValues(service, metric, label)
            .Select(value => new ChartLine(name(value), Rates.Steps(Readings(service, m => m.Sum(metric, s => s.Label(label) == value)))))
            .ToList();

    /// <summary>Per-second rate lines of a counter, one line per service.</summary>
    public IReadOnlyList<ChartLine> RateLines(IEnumerable<string> services, Func<MetricsScrape, double?> read) =>
        services.Select(s => new ChartLine(s, Rates.Steps(Readings(s, read)))).ToList();

    /// <summary>Gauge lines, one per service that reports the gauge.</summary>
    public IReadOnlyList<ChartLine> GaugeLines(IEnumerable<string> services, string metric) =>
        services.Select(s => new ChartLine(s, Gauge(s, metric))).Where(l => l.Values.Any(v => v is not null)).ToList();

    /// <summary>The latest reading of a per-queue gauge, by queue.</summary>
    public IReadOnlyDictionary<string, double> Queues(string service, string metric) =>
        Latest?.Of(service)?.Metrics?.SumBy(metric, "queue") ?? new Dictionary<string, double>();

    private IReadOnlyList<string> LabelValues(string service, string metric, string label) =>
        Rounds.Select(r => r.Of(service)?.Metrics).OfType<MetricsScrape>()
            .SelectMany(m => m.SumBy(metric, label).Keys).Distinct().Order(StringComparer.Ordinal).ToList();
}
