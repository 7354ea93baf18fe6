using System.Collections.Concurrent;
using System.Diagnostics;
using Coordination.Grpc.Intake;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Telemetry;

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
        using var listener = Record(stopped);

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
        // Every message of the case consumed in its trace names it (CaseLogScope tags its receive span), with its case
        // number where the event carries one: a trace is found by case in Jaeger or Tempo.
        var consumed = spans.Where(a => a.TraceId == traceId && a.Kind == ActivityKind.Consumer && a.Source.Name == "MassTransit").ToList();
        // (Only the main Assignment's and Reporting's queues: other tests' extra instances consume the same events.)
        Assert.All(consumed.GroupBy(a => a.DisplayName.Split(' ')[0]).Where(q => q.Key.StartsWith("assignment-") || q.Key.StartsWith("reporting-")),
            queue => Assert.Contains(queue, a => a.GetTagItem("coordination.case_id")?.ToString() == caseId));
        Assert.Contains(consumed, a => a.GetTagItem("coordination.case_number") is string { Length: > 0 });
    }

    [Fact]
    public async Task A_call_about_a_case_is_tagged_with_it()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Record(stopped);
        var caseId = (await new IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(Petitions.Valid(), Callers.Clerk())).CaseId;
        await Eventually.UntilAsync(
            () => new ReportingService.ReportingServiceClient(system.Reporting.Channel)
                .GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = caseId }, Callers.Bureau()).ResponseAsync,
            t => t.Entries.Any(e => e.Kind == "CaseAssigned"), "CaseAssigned on the timeline");
        var call = stopped.Where(a => a.Kind == ActivityKind.Server && a.Source.Name == "Microsoft.AspNetCore")
            .LastOrDefault(a => Describe(a).Contains("GetCaseTimeline"));
        Assert.NotNull(call);
        Assert.Equal(caseId, call.GetTagItem("coordination.case_id")?.ToString());

    }

    [Fact]
    public void An_idle_poll_starts_no_trace_and_sql_inside_a_trace_is_still_recorded()
    {
        using var npgsql = new ActivitySource(UntracedPolls.NpgsqlSource);
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == UntracedPolls.NpgsqlSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var filter = new UntracedPolls();
        var poll = npgsql.StartActivity("SELECT * FROM outbox_messages")!;
        filter.OnStart(poll);
        Assert.False(poll.Recorded);
        using var request = Client.StartActivity("a request")!;
        var within = npgsql.StartActivity("INSERT INTO petitions")!;
        filter.OnStart(within);
        Assert.True(within.Recorded);
        within.Stop();
        poll.Stop();
    }

    /// <summary>Records every span of every source in this process (the services run in it) until disposed.</summary>
    private static ActivityListener Record(ConcurrentQueue<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static string Describe(Activity a) =>
        a.DisplayName + " " + string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}"));
}
