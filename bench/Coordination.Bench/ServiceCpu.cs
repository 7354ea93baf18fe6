namespace Coordination.Bench;

/// <summary>
/// CPU time (user + system) used so far, per process group, read from /proc: each service named in COORD_BENCH_PIDS
/// ("Intake=123 Assignment=456 …", as bench/run.sh passes ./run.sh's), and PostgreSQL (every postgres process, plus the
/// backends that already exited, which the postmaster reaps), RabbitMQ (beam.smp) and Redis (redis-server). Counts
/// work, not wall time, so it varies less than rates do.
/// </summary>
public static class ServiceCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    public static readonly string[] Infrastructure = ["PostgreSQL", "RabbitMQ", "Redis"];
    /// <summary>This process: the load generator shares the box's cores with what it measures.</summary>
    public const string LoadGenerator = "load generator";
    /// <summary>Every core's busy time (/proc/stat: all but idle and iowait), whoever used it.</summary>
    public const string Box = "box";
    /// <summary>Not seconds: the box's context switches so far (/proc/stat "ctxt"), each a thread put to sleep or woken.</summary>
    public const string ContextSwitches = "context switches";
    /// <summary>Not seconds: this process's own context switches so far, every thread's (getrusage).</summary>
    public const string LoadGeneratorSwitches = "load generator context switches";

    public static IReadOnlyList<string> Services { get; } = ((Environment.GetEnvironmentVariable("COORD_BENCH_PIDS") ?? "")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(p => p.Split('=')[0]).ToList();

    /// <summary>
    /// Seconds of CPU per group, and the two context-switch counts (<see cref="ContextSwitches"/>,
    /// <see cref="LoadGeneratorSwitches"/>); a group whose processes are gone reads 0.
    /// </summary>
    public static Dictionary<string, double> Read()
    {
        var seconds = new Dictionary<string, double>();
        foreach (var entry in (Environment.GetEnvironmentVariable("COORD_BENCH_PIDS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('=');
            var (name, pid) = parts.Length == 2 ? (parts[0], parts[1]) : (parts[0], parts[0]);
            seconds[name] = Ticks(pid, children: false) / TicksPerSecond;
        }
        foreach (var name in Infrastructure) seconds[name] = 0;
        foreach (var dir in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (!pid.All(char.IsAsciiDigit)) continue;
            var group = Comm(pid) switch { "postgres" => "PostgreSQL", "beam.smp" => "RabbitMQ", "redis-server" => "Redis", _ => null };
            if (group is not null) seconds[group] += Ticks(pid, children: group == "PostgreSQL") / TicksPerSecond;
        }
        seconds[LoadGenerator] = Ticks("self", children: false) / TicksPerSecond;
        seconds[Box] = BusyTicks() / TicksPerSecond;
        seconds[ContextSwitches] = File.ReadLines("/proc/stat").Where(l => l.StartsWith("ctxt ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[5..], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        seconds[LoadGeneratorSwitches] = OwnSwitches();
        return seconds;
    }

    /// <summary>What one reading grew by between two readings, for each of <paramref name="units"/> (cases, calls).</summary>
    public static double PerUnit(Dictionary<string, double> before, Dictionary<string, double> after, string key, int units) =>
        (after.GetValueOrDefault(key) - before.GetValueOrDefault(key)) / Math.Max(1, units);

    /// <summary>Milliseconds of CPU a unit, for a group's seconds.</summary>
    public static double MsPerUnit(Dictionary<string, double> before, Dictionary<string, double> after, string group, int units) =>
        1000 * PerUnit(before, after, group, units);

    // The first line of /proc/stat: "cpu user nice system idle iowait irq softirq steal …" in USER_HZ ticks, all cores.
    private static long BusyTicks()
    {
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => f.Length > i ? long.Parse(f[i]) : 0;
        return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
    }

    // getrusage(RUSAGE_SELF): every thread's voluntary and involuntary switches, those of threads that ended too.
    // struct rusage on 64-bit Linux: two timevals (4 longs), then 14 longs of which ru_nvcsw and ru_nivcsw are the last two.
    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, long[] usage);

    private static double OwnSwitches()
    {
        var usage = new long[18];
        return getrusage(0, usage) == 0 ? usage[16] + usage[17] : 0;
    }

    private static string? Comm(string pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return null; } // gone meanwhile
        catch (UnauthorizedAccessException) { return null; }
    }

    private static long Ticks(string pid, bool children)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": field 3 onwards
            var ticks = long.Parse(f[11]) + long.Parse(f[12]); // utime, stime (fields 14 and 15)
            return children ? ticks + long.Parse(f[13]) + long.Parse(f[14]) : ticks; // cutime, cstime: reaped children
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
