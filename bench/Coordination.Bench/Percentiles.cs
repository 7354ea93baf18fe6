namespace Coordination.Bench;

public static class Percentiles
{
    /// <summary>The nearest-rank percentile of a sorted, non-empty list.</summary>
    public static double Of(IReadOnlyList<double> sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
