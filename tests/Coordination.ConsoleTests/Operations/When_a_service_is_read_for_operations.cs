using System.Net;
using System.Net.Sockets;
using AntDesign;
using Bunit;
using Coordination.Console.Components.Shared;
using Coordination.Console.Hosting;
using Coordination.Console.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.ConsoleTests.Operations;

/// <summary>Health readings and a service that does not answer, without the system: 不可达 with the address, never an error.</summary>
public sealed class When_a_service_is_read_for_operations : IDisposable
{
    private readonly BunitContext context = new();

    public When_a_service_is_read_for_operations()
    {
        context.Services.AddAntDesign();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void The_health_json_gives_the_status_and_each_dependency()
    {
        var health = HealthReading.Parse("""
            {"status":"Degraded","durationMs":3.1,"checks":[
              {"name":"postgres","status":"Healthy","description":null,"error":null,"durationMs":1.2,"data":null},
              {"name":"redis","status":"Unhealthy","description":"Redis is away","error":"timeout","durationMs":250,"data":null}]}
            """);
        Assert.NotNull(health);
        Assert.Equal("Degraded", health.Status);
        Assert.Equal(["postgres", "redis"], health.Checks.Select(c => c.Name));
        Assert.Equal("Redis is away", health.Checks[1].Description);
        Assert.Equal("timeout", health.Checks[1].Error);
        Assert.Null(HealthReading.Parse("Healthy"));
        Assert.Null(HealthReading.Parse("{\"checks\":[]}"));
    }

    [Fact]
    public async Task A_service_on_a_closed_port_or_a_bad_address_is_recorded_as_unreachable_with_why_and_the_rounds_go_on()
    {
        var closed = ClosedPort();
        string address = $"http://127.0.0.1:{closed}", slashed = address + "/";
        var options = new ConsoleOptions
        {
            Metrics = new MetricsAddresses
            {
                Intake = address, Assignment = slashed, LegalDiversion = slashed, JointMeeting = slashed, Reporting = slashed, Directory = "not an address",
            },
        };
        using var sampler = new OperationsSampler(options, NullLogger<OperationsSampler>.Instance);
        var sampled = 0;
        sampler.Sampled += () => sampled++;

        var round = await sampler.SampleAsync(CancellationToken.None);
        await sampler.SampleAsync(CancellationToken.None);

        Assert.Equal(6, round.Services.Count);
        var intake = round.Of("Intake")!;
        Assert.False(intake.Reachable);
        Assert.Equal($"http://127.0.0.1:{closed}", intake.Address);
        Assert.Contains($"http://127.0.0.1:{closed}/metrics", intake.Failure);
        Assert.Equal($"http://127.0.0.1:{closed}", round.Of("Reporting")!.Address); // the trailing slash is not doubled
        Assert.False(round.Of("Reporting")!.Reachable);
        // A misconfigured address is unreachable too, with the reason, rather than an error.
        Assert.False(round.Of("Directory")!.Reachable);
        Assert.Contains("not an address/metrics 请求失败", round.Of("Directory")!.Failure);
        Assert.Equal(2, sampler.Rounds.Count);
        Assert.Equal(2, sampled);
    }

    [Fact]
    public void The_health_table_colours_each_service_and_shows_an_unreachable_one_with_its_address()
    {
        var round = new SamplingRound(DateTimeOffset.UtcNow, [
            new ServiceReading("Intake", "http://127.0.0.1:5201", MetricsScrape.Parse("up 1"),
                new HealthReading("Degraded", [new HealthCheckReading("postgres", "Healthy", null, null), new HealthCheckReading("redis", "Degraded", "Redis is away", null)]), null),
            new ServiceReading("Reporting", "http://127.0.0.1:5205", null, null, "http://127.0.0.1:5205/metrics 无法连接（ConnectionRefused）"),
        ]);

        var table = context.Render<ServiceHealth>(p => p.Add(c => c.Round, round));

        var intake = table.Find("tr[data-service=Intake]");
        Assert.Equal("Degraded", intake.GetAttribute("data-status"));
        Assert.Contains("降级", intake.TextContent);
        Assert.Contains("postgres：健康", intake.TextContent);
        Assert.Contains("redis：降级", intake.TextContent);
        var reporting = table.Find("tr[data-service=Reporting]");
        Assert.Equal("Unreachable", reporting.GetAttribute("data-status"));
        Assert.Contains("不可达", reporting.TextContent);
        Assert.Contains("http://127.0.0.1:5205", reporting.TextContent);
        Assert.Contains("无法连接", reporting.TextContent);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose() => context.Dispose();
}
