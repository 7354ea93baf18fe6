namespace Coordination.Console.Operations;

/// <summary>A counter's or gauge's reading in one sampling round; null when the service did not answer or lacks it.</summary>
public readonly record struct Reading(DateTimeOffset At, double? Value);

/// <summary>
/// Rates from counters read at intervals, as Prometheus's rate() does: the rises between readings over the time they
/// span; a counter that falls was restarted (its process began counting from zero again), so its rise is what it reads now.
/// </summary>
public static class Rates
{
    public static double Rise(double before, double after) => after >= before ? after - before : after;

    /// <summary>Per second from each reading to the next (the first, and any next to a missing reading, is null).</summary>
    public static IReadOnlyList<double?> Steps(IReadOnlyList<Reading> readings)
    {
        var steps = new double?[readings.Count];
        for (var i = 1; i < readings.Count; i++)
        {
            var (before, after) = (readings[i - 1], readings[i]);
            var seconds = (after.At - before.At).TotalSeconds;
            if (before.Value is { } b && after.Value is { } a && seconds > 0) steps[i] = Rise(b, a) / seconds;
        }
        return steps;
    }

    /// <summary>
    /// Per second over the readings of the last <paramref name="window"/>: their rises summed over the time from the
    /// first to the last present reading; null with fewer than two.
    /// </summary>
    public static double? PerSecond(IReadOnlyList<Reading> readings, TimeSpan window)
    {
        if (readings.Count == 0) return null;
        var from = readings[^1].At - window;
        var present = readings.Where(r => r.At >= from && r.Value is not null).ToList();
        if (present.Count < 2) return null;
        var seconds = (present[^1].At - present[0].At).TotalSeconds;
        if (seconds <= 0) return null;
        var rise = 0d;
        for (var i = 1; i < present.Count; i++) rise += Rise(present[i - 1].Value!.Value, present[i].Value!.Value);
        return rise / seconds;
    }
}
