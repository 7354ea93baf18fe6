using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace Coordination.Bench.Mixed;

/// <summary>
/// Every call the mixed actors make, timed per method (reads and writes apart) with the refusals counted per method and
/// status code. A refused call answers null and the actor goes on: a FailedPrecondition on a race is normal.
/// </summary>
public sealed class Calls
{
    public sealed record Method(string Name, bool Write);

    private ConcurrentDictionary<Method, ConcurrentQueue<double>> _latencies = new();
    private ConcurrentDictionary<(string Method, string Status), int> _refusals = new();

    public async Task<T?> TimeAsync<T>(string method, bool write, Func<Task<T>> call, CancellationToken ct) where T : class
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var reply = await call();
            _latencies.GetOrAdd(new Method(method, write), _ => new()).Enqueue(watch.Elapsed.TotalMilliseconds);
            return reply;
        }
        catch (RpcException ex) when (ct.IsCancellationRequested && ex.StatusCode == StatusCode.Cancelled) { return null; }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return null; }
        catch (RpcException ex)
        {
            _refusals.AddOrUpdate((method, ex.StatusCode.ToString()), 1, (_, n) => n + 1);
            if (ex.StatusCode is StatusCode.Unknown or StatusCode.Internal)
                Console.Error.WriteLine($"bench: mixed: {method} answered {ex.StatusCode}: {ex.Status.Detail}");
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException)
        {
            _refusals.AddOrUpdate((method, "client " + ex.GetType().Name), 1, (_, n) => n + 1);
            return null;
        }
    }

    /// <summary>What was recorded since the last take, and a fresh start for the next round.</summary>
    public (IReadOnlyDictionary<Method, List<double>> Latencies, IReadOnlyDictionary<(string Method, string Status), int> Refusals) Take()
    {
        var latencies = Interlocked.Exchange(ref _latencies, new());
        var refusals = Interlocked.Exchange(ref _refusals, new());
        return (latencies.ToDictionary(l => l.Key, l => l.Value.Order().ToList()), refusals);
    }
}
