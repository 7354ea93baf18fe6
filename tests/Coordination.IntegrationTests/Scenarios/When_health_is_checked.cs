using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

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
            Assert.True(ready.IsSuccessStatusCode, $"{service.Name} ready: {await ready.Content.ReadAsStringAsync()}");
            var grpc = await new Health.HealthClient(service.Channel).CheckAsync(new HealthCheckRequest());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, grpc.Status);
        }
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
