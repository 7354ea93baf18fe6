using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Health.V1;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Redis holds only what can be rebuilt: without it, registration and idempotency still hold, readiness stays ready
/// (Degraded, naming Redis), and an unanswering Redis costs a registration no noticeable time (ADR 11).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_redis_is_down(SystemFixture system)
{
    [Fact]
    public async Task Registration_still_works_and_retries_still_return_one_case()
    {
        var deadRedis = $"127.0.0.1:{FreePort.Next()}";
        var intake = await system.StartIntakeAsync("intake_noredis", new Dictionary<string, string?> { ["Redis:Configuration"] = deadRedis });
        var client = new IntakeService.IntakeServiceClient(intake.Channel);
        var request = Petitions.Valid(region: "320113"); // its own region: this Intake database numbers cases on its own

        var first = await client.RegisterPetitionAsync(request, Callers.Clerk());
        var retry = await client.RegisterPetitionAsync(request, Callers.Clerk());

        Assert.Equal(first.CaseId, retry.CaseId);
        Assert.True(retry.Replayed);
        await Eventually.UntilAsync(
            () => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel)
                .GetCaseAsync(new GetCaseRequest { CaseId = first.CaseId }, Callers.Bureau()).ResponseAsync,
            c => c.Case.Assignments.Count == 1, "the case to be assigned");
        await AssertReadyButDegradedByRedisAsync(intake);
    }

    [Fact]
    public async Task A_redis_that_never_answers_costs_a_registration_no_noticeable_time()
    {
        // A port that accepts connections and never answers: every Redis call would wait for its time-out.
        var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start();
        try
        {
            var intake = await system.StartIntakeAsync("intake_slowredis", new Dictionary<string, string?>
            {
                ["Redis:Configuration"] = $"127.0.0.1:{((IPEndPoint)blackHole.LocalEndpoint).Port}",
            });
            var idNumber = IdNumbers.New(); // one person throughout: the identity's cases are read, and copied, every time
            var slow = await TimeRegistrationsAsync(intake, "320117", idNumber);
            var baseline = await TimeRegistrationsAsync(system.Intake, "320118", IdNumbers.New());

            // Beyond what PostgreSQL takes (the same calls against a working Redis), well under a second per call. An awaited
            // Redis would slow every call, so the median is judged: one call stalled by a busy machine is not Redis's doing.
            var median = slow.Order().ElementAt(1);
            Assert.True(median < baseline.Max() + TimeSpan.FromMilliseconds(600),
                    $"registrations with an unanswering Redis took {string.Join(", ", slow.Select(s => $"{s.TotalMilliseconds:F0} ms"))}; " +
                    $"with Redis {string.Join(", ", baseline.Select(s => $"{s.TotalMilliseconds:F0} ms"))}");
            await AssertReadyButDegradedByRedisAsync(intake);
        }
        finally
        {
            blackHole.Stop();
        }
    }

    /// <summary>One call to warm up, then three timed, each of which must succeed.</summary>
    private static async Task<List<TimeSpan>> TimeRegistrationsAsync(ServiceInstance intake, string region, string idNumber)
    {
        var client = new IntakeService.IntakeServiceClient(intake.Channel);
        await client.RegisterPetitionAsync(Petitions.Valid(region: region, idNumber: idNumber), Callers.Clerk());
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var answer = await client.RegisterPetitionAsync(Petitions.Valid(region: region, idNumber: idNumber), Callers.Clerk());
            times.Add(watch.Elapsed);
            Assert.False(string.IsNullOrEmpty(answer.CaseId));
        }
        return times;
    }

    private static async Task AssertReadyButDegradedByRedisAsync(ServiceInstance intake)
    {
        using var http = new HttpClient();
        var ready = await http.GetAsync($"http://127.0.0.1:{intake.HttpPort}/health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.IsSuccessStatusCode, $"readiness must not depend on Redis: {ready.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        var redis = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "redis");
        Assert.Equal("Degraded", redis.GetProperty("status").GetString());
        var grpc = await new Health.HealthClient(intake.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, grpc.Status);
    }
}
