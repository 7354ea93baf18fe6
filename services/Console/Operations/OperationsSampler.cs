using System.Collections.Immutable;
using System.Net.Sockets;
using Coordination.Console.Hosting;

namespace Coordination.Console.Operations;

/// <summary>
/// Reads every service's /metrics and /health/ready every Console:Metrics:SampleInterval and keeps the rounds of the last
/// Console:Metrics:History (the operator's page 运行监控 draws them). A service that does not answer is recorded as
/// unreachable with the reason; nothing it does or fails to do stops the rounds.
/// </summary>
public sealed class OperationsSampler(ConsoleOptions options, ILogger<OperationsSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly HttpClient _http = new() { Timeout = Timeout };
    private ImmutableList<SamplingRound> _rounds = [];

    /// <summary>Raised after each round, off any page's thread.</summary>
    public event Action? Sampled;

    public IReadOnlyList<SamplingRound> Rounds => Volatile.Read(ref _rounds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Metrics.SampleInterval);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A round that fails for a reason no reading caught must not stop the console: the next round tries again.
                logger.LogWarning(ex, "An operations sampling round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<SamplingRound> SampleAsync(CancellationToken ct)
    {
        var at = DateTimeOffset.UtcNow;
        var readings = await Task.WhenAll(options.Metrics.All().Select(s => ReadAsync(s.Service, s.Address.TrimEnd('/'), ct)));
        var round = new SamplingRound(at, readings);
        var keepFrom = at - options.Metrics.History;
        ImmutableList<SamplingRound> before, after;
        do
        {
            before = Volatile.Read(ref _rounds);
            after = before.RemoveAll(r => r.At < keepFrom).Add(round);
        }
        while (Interlocked.CompareExchange(ref _rounds, after, before) != before);
        try
        {
            Sampled?.Invoke();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A page watching the operations sampler failed");
        }
        return round;
    }

    private async Task<ServiceReading> ReadAsync(string service, string address, CancellationToken ct)
    {
        var metrics = GetAsync($"{address}/metrics", ok => ok, ct);
        var health = GetAsync($"{address}/health/ready", _ => true, ct);
        var (metricsText, metricsFailure) = await metrics;
        var (healthText, healthFailure) = await health;
        return new ServiceReading(service, address,
            metricsText is null ? null : MetricsScrape.Parse(metricsText),
            healthText is null ? null : HealthReading.Parse(healthText),
            metricsFailure ?? healthFailure);
    }

    /// <summary>The body, or why there is none. Health answers 503 with its JSON when unhealthy, so it takes any status.</summary>
    private async Task<(string? Body, string? Failure)> GetAsync(string url, Func<bool, bool> accept, CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync(url, ct);
            if (!accept(response.IsSuccessStatusCode)) return (null, $"{url} 答复 HTTP {(int)response.StatusCode}");
            return (await response.Content.ReadAsStringAsync(ct), null);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException socket)
        {
            return (null, $"{url} 无法连接（{socket.SocketErrorCode}）");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"{url} {Timeout.TotalSeconds:0} 秒内未答复");
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or UriFormatException)
        {
            // Refused mid-way, or an address in Console:Metrics that is not one.
            return (null, $"{url} 请求失败（{ex.Message}）");
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
