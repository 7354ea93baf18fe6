using System.Text.Json;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

[Collection(SystemCollection.Name)]
public sealed class When_health_is_checked(SystemFixture system)
{
    private IEnumerable<ServiceInstance> All => [system.Intake, system.Assignment, system.LegalDiversion, system.JointMeeting, system.Reporting];

    [Fact]
    public async Task Every_service_is_live_and_ready_over_http_and_grpc()
    {
        using var http = new HttpClient();
        foreach (var service in All)
        {
            var live = await http.GetAsync($"http://127.0.0.1:{service.HttpPort}/health/live");
            var ready = await http.GetAsync($"http://127.0.0.1:{service.HttpPort}/health/ready");
            Assert.True(live.IsSuccessStatusCode, $"{service.Name} live: {live.StatusCode}");
            var body = await ready.Content.ReadAsStringAsync();
            Assert.True(ready.IsSuccessStatusCode, $"{service.Name} ready: {body}");
            // Each dependency by name with its status and what it found; a parked message elsewhere may degrade, never fail.
            using var json = JsonDocument.Parse(body);
            Assert.Contains(json.RootElement.GetProperty("status").GetString(), new[] { "Healthy", "Degraded" });
            var checks = json.RootElement.GetProperty("checks").EnumerateArray()
                .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
            foreach (var name in new[] { "postgres", "redis", "outbox" }) Assert.True(checks.ContainsKey(name), $"{service.Name} lists {name}: {body}");
            Assert.Equal("Healthy", checks["postgres"]);
            Assert.Equal("Healthy", checks["redis"]);
            var grpc = await new Health.HealthClient(service.Channel).CheckAsync(new HealthCheckRequest());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, grpc.Status);
        }
    }

    [Fact]
    public async Task A_parked_message_degrades_readiness_and_names_its_error_queue()
    {
        // An Assignment with queues of its own (so only this test's poison reaches them) and the management API to read them.
        var assignment = await system.StartAssignmentAsync("assignment_poison", new Dictionary<string, string?>
        {
            ["RabbitMq:EndpointPrefix"] = "assignment-poison",
            ["RabbitMq:ManagementPort"] = system.Infra.RabbitManagementPort.ToString(),
        });
        try
        {
            await AssertPoisonIsReportedAsync(assignment);
        }
        finally
        {
            await assignment.StopAsync(); // else it assigns every later test's cases a second time on the shared virtual host
        }
    }

    private async Task AssertPoisonIsReportedAsync(ServiceInstance assignment)
    {
        // A topic longer than Assignment's column: refused on every attempt, parked at once (as in When_a_message_cannot_be_processed).
        var message = When_a_message_is_delivered_twice.Registered(topic: new string('t', 100));

        await system.Intake.App.Services.GetRequiredService<IBus>().Publish(message);

        using var http = new HttpClient();
        const string queue = "assignment-poison-petition-registered_error";
        var errorQueues = await Eventually.UntilAsync(async () =>
            {
                var ready = await http.GetAsync($"http://127.0.0.1:{assignment.HttpPort}/health/ready");
                Assert.True(ready.IsSuccessStatusCode, $"a parked message must not take the service out of rotation: {ready.StatusCode}");
                using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
                Assert.NotEqual("Unhealthy", json.RootElement.GetProperty("status").GetString());
                return json.RootElement.GetProperty("checks").EnumerateArray()
                    .Single(c => c.GetProperty("name").GetString() == "error-queues").Clone();
            }, c => c.GetProperty("status").GetString() == "Degraded",
            "readiness to report the parked message", TimeSpan.FromSeconds(30)); // the management API refreshes its figures every 5 s
        Assert.Contains(queue, errorQueues.GetProperty("description").GetString());
        var parked = errorQueues.GetProperty("data").GetProperty(queue);
        Assert.Equal(1, parked.GetProperty("depth").GetInt64());
        Assert.InRange(parked.GetProperty("oldestAgeSeconds").GetDouble(), 0, 60);
        var grpc = await new Health.HealthClient(assignment.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, grpc.Status); // Degraded still serves
    }

    [Fact]
    public async Task Reflection_lists_each_service_api()
    {
        var expected = new Dictionary<ServiceInstance, string>
        {
            [system.Intake] = "coordination.intake.v1.IntakeService",
            [system.Assignment] = "coordination.assignment.v1.AssignmentService",
            [system.LegalDiversion] = "coordination.legal.v1.LegalDiversionService",
            [system.JointMeeting] = "coordination.jointmeeting.v1.JointMeetingService",
            [system.Reporting] = "coordination.reporting.v1.ReportingService",
        };
        foreach (var (service, api) in expected)
        {
            using var call = new ServerReflection.ServerReflectionClient(service.Channel).ServerReflectionInfo();
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Contains(api, call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
        }
    }
}
