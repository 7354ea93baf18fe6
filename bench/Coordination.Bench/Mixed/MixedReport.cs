namespace Coordination.Bench.Mixed;

/// <summary>
/// A round's mixed calls: count, rate and latency per read and write method, then the refusals per status code.
/// False when a call answered UNKNOWN or INTERNAL (the bench then exits 1).
/// </summary>
public static class MixedReport
{
    private static readonly string[] MustNever = ["Unknown", "Internal"];

    public static bool Print(string round, double seconds,
        (IReadOnlyDictionary<Calls.Method, List<double>> Latencies, IReadOnlyDictionary<(string Method, string Status), int> Refusals) taken)
    {
        foreach (var (method, ms) in taken.Latencies.OrderBy(l => l.Key.Write).ThenBy(l => l.Key.Name))
            Console.WriteLine($"bench: {round}: mixed {(method.Write ? "write" : "read "),-5} {method.Name,-38} {ms.Count,6} = {ms.Count / seconds,6:F1}/s  " +
                $"latency ms  p50 {Percentile(ms, 50):F1}  p95 {Percentile(ms, 95):F1}  p99 {Percentile(ms, 99):F1}  max {ms[^1]:F1}");
        if (taken.Latencies.Count == 0) Console.WriteLine($"bench: {round}: mixed: no call answered in {seconds:F1} s");
        foreach (var ((method, status), count) in taken.Refusals.OrderBy(r => r.Key.Method).ThenBy(r => r.Key.Status))
            Console.WriteLine(MustNever.Contains(status)
                ? $"bench: {round}: mixed: !!! {method} answered {status.ToUpperInvariant()} {count} time(s): no input may do that !!!"
                : $"bench: {round}: mixed refused {method} {status} {count}");
        return !taken.Refusals.Keys.Any(r => MustNever.Contains(r.Status));
    }

    private static double Percentile(IReadOnlyList<double> sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
