using System.Diagnostics;

namespace Coordination.Bench;

/// <summary>
/// What waking up costs on this machine: the same small piece of work (~25 µs) done back to back, then each after a
/// 1 ms sleep on one thread, and then handed between two threads (one wakes the other, as a socket's completion wakes
/// a thread-pool thread), in CPU per piece from this process's own CPU time (user + system). The difference is what one
/// sleep and wake-up costs, the price every round trip, commit and message pays on each side when the system is not
/// busy enough to find its next piece of work already waiting (the open loop's cost a case).
/// </summary>
public static class WakeCost
{
    public static void Run()
    {
        var pieces = Calibrate();
        var busy = Measure(() => Work(pieces), TimeSpan.FromSeconds(2));
        var slept = Measure(() => { Work(pieces); Thread.Sleep(1); }, TimeSpan.FromSeconds(2));
        var handed = HandOver(pieces, TimeSpan.FromSeconds(2));
        Console.WriteLine($"bench: wake-up cost: a piece of work costs {busy:F1} µs of CPU back to back, {slept:F1} µs after a 1 ms sleep " +
            $"(+{slept - busy:F1} µs a sleep and wake-up) and {handed:F1} µs when each piece wakes another thread for the next " +
            $"(+{handed - busy:F1} µs a hand-over)");
    }

    private static double Measure(Action piece, TimeSpan length)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long n = 0;
        while (clock.Elapsed < length) { piece(); n++; }
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / n;
    }

    // Two threads take turns: each does a piece, then wakes the other and waits on a SemaphoreSlim, which spins briefly
    // before it blocks, as most of .NET's waits do: what a hand-over costs with the runtime's own primitives.
    private static double HandOver(int pieces, TimeSpan length)
    {
        using var ping = new SemaphoreSlim(0);
        using var pong = new SemaphoreSlim(0);
        var stop = false;
        long n = 0;
        var other = new Thread(() =>
        {
            while (true)
            {
                ping.Wait();
                if (Volatile.Read(ref stop)) return;
                Work(pieces);
                Interlocked.Increment(ref n);
                pong.Release();
            }
        }) { IsBackground = true };
        other.Start();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < length)
        {
            Work(pieces);
            Interlocked.Increment(ref n);
            ping.Release();
            pong.Wait();
        }
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Volatile.Write(ref stop, true);
        ping.Release();
        other.Join();
        return used.TotalMicroseconds / n;
    }

    private static int Calibrate()
    {
        var clock = Stopwatch.StartNew();
        var n = 0;
        while (clock.Elapsed < TimeSpan.FromMilliseconds(200)) { Work(1000); n++; }
        return Math.Max(1, (int)(1000 * 25 / (clock.Elapsed.TotalMicroseconds / n))); // about 25 µs a piece
    }

    private static long _sink;

    private static void Work(int n)
    {
        long s = 0;
        for (var i = 0; i < n; i++) s += i * (long)i ^ (s >> 3);
        Volatile.Write(ref _sink, s);
    }
}
