using System.Collections.Concurrent;
using System.Diagnostics;
using Coordination.Grpc.Intake;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>One OpenTelemetry trace runs from the gRPC call through the outbox into the consumers.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_petition_is_traced(SystemFixture system)
{
    private static readonly ActivitySource Client = new("Coordination.Tests.Client");

    [Fact]
    public async Task One_trace_covers_the_call_and_the_consumers_in_Assignment_and_Reporting()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        ActivityTraceId traceId;
        string caseId;
        using (var root = Client.StartActivity("clerk registers a petition", ActivityKind.Client)!)
        {
            traceId = root.TraceId;
            caseId = (await new IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(Petitions.Valid(), Callers.Clerk())).CaseId;
        }
        await Eventually.UntilAsync(
            () => new ReportingService.ReportingServiceClient(system.Reporting.Channel)
                .GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = caseId }, Callers.Bureau()).ResponseAsync,
            t => t.Entries.Any(e => e.Kind == "CaseAssigned"), "CaseAssigned on the timeline");

        bool InTrace(Activity a, ActivityKind kind, string mentions) => a.TraceId == traceId && a.Kind == kind && Describe(a).Contains(mentions);
        var spans = await Eventually.UntilAsync(() => Task.FromResult(stopped.ToList()),
            all => all.Any(a => InTrace(a, ActivityKind.Consumer, "assignment-petition-registered"))
                && all.Any(a => InTrace(a, ActivityKind.Consumer, "reporting-timeline") && Describe(a).Contains("CaseAssigned")),
            "consumer spans of Assignment and of Reporting (for CaseAssigned) in the client's trace");

        Assert.Contains(spans, a => a.TraceId == traceId && a.Kind == ActivityKind.Server && a.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains(spans, a => a.TraceId == traceId && a.Source.Name == "Coordination.Outbox");
    }

    private static string Describe(Activity a) =>
        a.DisplayName + " " + string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}"));
}
