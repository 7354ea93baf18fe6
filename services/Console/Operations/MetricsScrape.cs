namespace Coordination.Console.Operations;

/// <summary>One service's /metrics at one moment, with the sums the operator's views read.</summary>
public sealed class MetricsScrape(IReadOnlyList<MetricSample> samples)
{
    public IReadOnlyList<MetricSample> Samples { get; } = samples;

    public static MetricsScrape Parse(string text) => new(PrometheusText.Parse(text));

    /// <summary>The sum of every sample of the metric (over its labels), or null when the scrape has none.</summary>
    public double? Sum(string name, Func<MetricSample, bool>? where = null)
    {
        double? sum = null;
        foreach (var s in Samples)
            if (s.Name == name && (where?.Invoke(s) ?? true) && !double.IsNaN(s.Value)) sum = (sum ?? 0) + s.Value;
        return sum;
    }

    /// <summary>The metric summed by the values of one label ("decision", "queue", "action"...).</summary>
    public IReadOnlyDictionary<string, double> SumBy(string name, string label)
    {
        var sums = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in Samples)
            if (s.Name == name && !double.IsNaN(s.Value))
                sums[s.Label(label)] = sums.GetValueOrDefault(s.Label(label)) + s.Value;
        return sums;
    }

    /// <summary>The first of the names this scrape has (an exporter may spell a unit suffix into a name, or not).</summary>
    public string? FirstPresent(params string[] names) => names.FirstOrDefault(n => Samples.Any(s => s.Name == n));
}
