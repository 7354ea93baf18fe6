namespace Coordination.Bench;

/// <summary>
/// CPU time (user + system) used so far by the service processes named in COORD_BENCH_PIDS (bench/run.sh passes
/// ./run.sh's), read from /proc; -1 when there are none. Counts work, not wall time, so it varies less than rates do.
/// </summary>
public static class ServiceCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds()
    {
        var pids = (Environment.GetEnvironmentVariable("COORD_BENCH_PIDS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (pids.Length == 0) return -1;
        double ticks = 0;
        foreach (var pid in pids)
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": field 3 onwards
            ticks += long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime (fields 14 and 15)
        }
        return ticks / TicksPerSecond;
    }
}
