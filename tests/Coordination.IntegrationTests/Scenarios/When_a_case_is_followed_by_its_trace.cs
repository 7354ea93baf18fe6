using System.Collections.Concurrent;
using System.Diagnostics;
using Coordination.Contracts.Assignment;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.Intake;
using Coordination.Grpc.LegalDiversion;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Telemetry;
using Coordination.ServiceDefaults.Time;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// One case, one trace to start from (issue 18): a later call on the case, hours or months after its registration and in a
/// trace of its own, links to the trace the case began in and names the case; so does each rung of its deadlines.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_case_is_followed_by_its_trace(SystemFixture system)
{
    private static readonly ActivitySource Client = new("Coordination.Tests.Client");

    [Fact]
    public async Task A_department_acknowledging_later_is_linked_to_the_registrations_trace_and_names_the_case()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Record(stopped);
        var flow = new CaseFlow(system.Assignment.Channel);

        ActivityTraceId registration;
        AssignmentView assignment;
        using (var root = Client.StartActivity("clerk registers a petition", ActivityKind.Client)!)
        {
            registration = root.TraceId;
            assignment = await flow.AssignedAsync(system.Intake.Channel);
        }
        Assert.Null(Activity.Current); // the acknowledgement is a call of its own, as it would be an hour later
        await flow.Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = assignment.AssignmentId }, Unit);

        // The request names only the assignment: Assignment finds its case (the recusal shield's locator) and its trace.
        var ack = await ServerSpanAsync(stopped, "AcknowledgeAssignment", assignment.CaseId);
        Assert.NotEqual(registration, ack.TraceId);
        Assert.Contains(ack.Links, l => l.Context.TraceId == registration);
        Assert.Equal(registration.ToHexString(), ack.GetTagItem(CaseTraceLinks.TraceIdTag));
        Assert.Equal(assignment.CaseId, ack.GetTagItem("coordination.case_id"));
    }

    [Fact]
    public async Task A_committee_referring_the_case_is_linked_to_the_registrations_trace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Record(stopped);
        var legal = new LegalDiversionService.LegalDiversionServiceClient(system.LegalDiversion.Channel);
        var committee = Callers.Committee("320100");

        ActivityTraceId registration;
        Coordination.Grpc.LegalDiversion.Referral referral;
        using (var root = Client.StartActivity("clerk registers a law-related petition", ActivityKind.Client)!)
        {
            registration = root.TraceId;
            var request = Petitions.Valid(region: "320102", topic: "contract dispute");
            request.LawRelated = true;
            var registered = await new IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(request, Callers.Clerk());
            referral = (await Eventually.UntilAsync(
                () => legal.ListReferralsAsync(new ListReferralsRequest { CaseId = registered.CaseId }, committee).ResponseAsync,
                r => r.Referrals.Count == 1, "the open referral")).Referrals[0];
        }
        await legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = referral.ReferralId, Channel = "court_litigation", InstitutionCode = "xuanwu-court" }, committee);

        var refer = await ServerSpanAsync(stopped, "ReferCase", referral.CaseId);
        Assert.NotEqual(registration, refer.TraceId);
        Assert.Contains(refer.Links, l => l.Context.TraceId == registration);
        Assert.Equal(registration.ToHexString(), refer.GetTagItem(CaseTraceLinks.TraceIdTag));
    }

    [Fact]
    public async Task A_meeting_requested_weeks_later_still_links_to_the_trace_the_request_carries()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Record(stopped);
        var meetings = new JointMeetingService.JointMeetingServiceClient(system.JointMeeting.Channel);
        var bureau = Callers.As(Coordination.ServiceDefaults.Auth.Roles.Bureau, "nanjing-petition-bureau", "320100");
        // The case began in a trace long gone; Assignment sends it to a joint meeting later, in a trace of its own, and
        // carries the case's traceparent along (as it does from its cases row when a returned case is routed again).
        var registration = ActivityTraceId.CreateRandom();
        var caseTraceParent = $"00-{registration.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        var caseId = NewId.NextGuid();
        using (Client.StartActivity("Assignment routes a returned case", ActivityKind.Producer)!)
            await system.Assignment.App.Services.GetRequiredService<IBus>().Publish(new JointMeetingRequested
            {
                CaseId = caseId, CaseNumber = $"320102-2026-7{Random.Shared.Next(0, 99999):D5}", RegionCode = "320102", RegionCodes = ["320102", "321100"],
                Reason = "cross-region", CaseTraceParent = caseTraceParent, OccurredAt = DateTimeOffset.UtcNow,
            });
        var meeting = (await Eventually.UntilAsync(() => meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = caseId.ToString() }, bureau).ResponseAsync,
            r => r.Meetings.Count == 1, "the proposed meeting")).Meetings[0];

        await meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = meeting.MeetingId }, bureau);

        var read = await ServerSpanAsync(stopped, "GetMeeting", caseId.ToString());
        Assert.Equal(registration, Assert.Single(read.Links).Context.TraceId);
        Assert.Equal(registration.ToHexString(), read.GetTagItem(CaseTraceLinks.TraceIdTag));
    }

    [Fact]
    public async Task A_call_about_a_case_the_service_does_not_know_goes_through_unlinked()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Record(stopped);
        var flow = new CaseFlow(system.Assignment.Channel);
        ActivityTraceId call;
        using (var root = Client.StartActivity("a department acknowledges a made-up hand-over", ActivityKind.Client)!)
        {
            call = root.TraceId;
            await Refused(() => flow.Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = Guid.NewGuid().ToString() }, Unit).ResponseAsync,
                global::Grpc.Core.StatusCode.NotFound);
        }
        var ack = await Eventually.UntilAsync(
            () => Task.FromResult(stopped.LastOrDefault(a => IsServer(a, "AcknowledgeAssignment") && a.TraceId == call)),
            a => a is not null, "the refused acknowledgement's span");
        Assert.Empty(ack!.Links);
        Assert.Null(ack.GetTagItem("coordination.case_id"));
        Assert.Null(ack.GetTagItem(CaseTraceLinks.TraceIdTag));
    }

    [Fact]
    public async Task A_deadline_rung_is_linked_to_the_trace_that_started_its_limit()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Record(stopped);
        await using var world = await ClockWorld.StartAsync(system, "traced-rung");

        ActivityTraceId started;
        Guid caseId;
        using (var root = Client.StartActivity("a case is registered", ActivityKind.Producer)!)
        {
            started = root.TraceId;
            caseId = await world.RegisterAsync();
        }
        var api = new AssignmentService.AssignmentServiceClient(world.Assignment.Channel);
        await Eventually.UntilAsync(async () => (await api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId.ToString() }, Bureau)).Deadlines.Count,
            n => n == 2, "the hand-over's two limits");

        world.Clock.Advance(TimeSpan.FromDays(20)); // every reminder and 催办 is due
        string[] expected = ["deadline acknowledge remind", "deadline acknowledge urge", "deadline accept_notice remind", "deadline accept_notice urge"];
        var rungs = await Eventually.UntilAsync(
            () => Task.FromResult(stopped.Where(a => a.Source.Name == DeadlineActivity.SourceName && a.GetTagItem("coordination.case_id") as string == caseId.ToString()).ToList()),
            r => expected.All(name => r.Any(a => a.DisplayName == name)), "2 limits x (reminder + 催办) fired as spans");

        // Each rung is a trace of its own (a limit may fire months later), linked to the one that started the limit.
        Assert.All(rungs, rung =>
        {
            Assert.NotEqual(started, rung.TraceId);
            Assert.Equal(started, Assert.Single(rung.Links).Context.TraceId);
        });
    }

    private static bool IsServer(Activity a, string method) =>
        a.Kind == ActivityKind.Server && a.Source.Name == "Microsoft.AspNetCore"
        && (a.DisplayName + " " + string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}"))).Contains(method, StringComparison.Ordinal);

    private static async Task<Activity> ServerSpanAsync(ConcurrentQueue<Activity> stopped, string method, string caseId) =>
        await Eventually.UntilAsync(
            () => Task.FromResult(stopped.LastOrDefault(a => IsServer(a, method) && a.GetTagItem("coordination.case_id") as string == caseId)),
            a => a is not null, $"the server span of {method} on case {caseId}") ?? throw new InvalidOperationException();

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
}
