using Coordination.Grpc.Assignment;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>The handling lifecycle (分级负责、归口办理) through Assignment's gRPC API.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_case_is_handled(SystemFixture system)
{
    private readonly CaseFlow _flow = new(system.Assignment.Channel);
    private AssignmentService.AssignmentServiceClient Api => _flow.Api;

    [Fact]
    public async Task It_goes_from_hand_over_to_reply_and_rating_with_every_step_on_the_timeline()
    {
        var a = await _flow.AssignedAsync(system.Intake.Channel);
        var replied = await _flow.RepliedAsync(a, "resolved");
        Assert.Equal("replied", replied.Status);
        Assert.Equal("resolved", replied.Outcome);
        Assert.NotNull(replied.WindowEndsAt);

        var rated = await Api.RateReplyAsync(new RateReplyRequest { CaseId = a.CaseId, Rating = "satisfied" }, Callers.Clerk());
        Assert.Equal("satisfied", rated.Case.Rating);
        await Refused(() => Api.RateReplyAsync(new RateReplyRequest { CaseId = a.CaseId, Rating = "dissatisfied" }, Callers.Clerk()).ResponseAsync,
            StatusCode.FailedPrecondition, "AlreadyRated");

        var deadlines = (await Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = a.CaseId }, Bureau)).Deadlines;
        Assert.All(deadlines.Where(d => d.Step != "review_window"), d => Assert.NotNull(d.MetAt));
        Assert.Equal(new[] { "accept_notice", "acknowledge", "handling", "review_window" }, deadlines.Select(d => d.Step).Order());
        var timeline = await Eventually.UntilAsync(
            () => new ReportingService.ReportingServiceClient(system.Reporting.Channel).GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = a.CaseId }, Bureau).ResponseAsync,
            // Events of one case travel through different queues: wait for all of them, not only the last one sent.
            t => t.Entries.Any(e => e.Kind == "SatisfactionRated") && t.Entries.Any(e => e.Kind == "ReplySubmitted"), "the reply and the rating on the timeline");
        Assert.Equal(["PetitionRegistered", "CaseAssigned", "AssignmentAcknowledged", "AssignmentAccepted", "CompletionReportSubmitted", "ReportApproved",
            "ReplySubmitted", "SatisfactionRated"], timeline.Entries.Select(e => e.Kind));
        // Every action records who acted, for which unit, and when.
        var approval = timeline.Entries.Single(e => e.Kind == "ReportApproved");
        Assert.Equal(("bureau-petition-bureau-320100", "petition-bureau-320100"), (approval.Actor, approval.Unit));
        Assert.Equal(LabourBureau, timeline.Entries.Single(e => e.Kind == "AssignmentAccepted").Unit);
    }

    [Fact]
    public async Task An_approved_return_hands_the_case_to_another_unit_and_counts_against_the_router()
    {
        var a = await _flow.AssignedAsync(system.Intake.Channel);
        await Refused(() => Api.RequestReturnAsync(new RequestReturnRequest { AssignmentId = a.AssignmentId, Reasons = " " }, Unit).ResponseAsync,
            StatusCode.InvalidArgument, "reasons");
        var requested = await Api.RequestReturnAsync(new RequestReturnRequest { AssignmentId = a.AssignmentId, Reasons = "属住房保障事项，非本单位职责" }, Unit);
        Assert.Equal("return_requested", requested.Assignment.Status);

        await Refused(() => Api.DecideReturnAsync(new DecideReturnRequest
        {
            AssignmentId = a.AssignmentId, Approve = true, Reason = "同意退回", NewUnitCode = "nanjing-housing-office",
        }, Bureau).ResponseAsync, StatusCode.InvalidArgument, "new_unit_code");
        var returned = await Api.DecideReturnAsync(new DecideReturnRequest
        {
            AssignmentId = a.AssignmentId, Approve = true, Reason = "同意退回", NewUnitCode = "Nanjing Housing Bureau",
        }, Bureau);

        Assert.Equal("returned", returned.Assignment.Status);
        var handling = await Api.GetCaseAsync(new GetCaseRequest { CaseId = a.CaseId }, Bureau);
        Assert.Equal(1, handling.Case.ReturnCount);
        Assert.Equal("assigned", handling.Case.Status);
        Assert.Equal("nanjing-housing-bureau", handling.Case.Assignments.Last().UnitCode);
        Assert.Equal("pending", handling.Case.Assignments.Last().Status);
        Assert.Equal("routing-catalogue", handling.Case.Assignments[0].RoutedBy); // the return counts against this router
    }

    [Fact]
    public async Task A_rejected_return_leaves_the_unit_to_handle_it()
    {
        var a = await _flow.AssignedAsync(system.Intake.Channel);
        await Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = a.AssignmentId }, Unit);
        await Api.RequestReturnAsync(new RequestReturnRequest { AssignmentId = a.AssignmentId, Reasons = "不属本单位" }, Unit);
        var rejected = await Api.DecideReturnAsync(new DecideReturnRequest { AssignmentId = a.AssignmentId, Approve = false, Reason = "属劳动监察职责" }, Bureau);
        Assert.Equal("acknowledged", rejected.Assignment.Status);
        await Refused(() => Api.DecideReturnAsync(new DecideReturnRequest { AssignmentId = a.AssignmentId, Approve = true, Reason = "x" }, Bureau).ResponseAsync,
            StatusCode.FailedPrecondition, "NoReturnRequested");
        Assert.Equal("accepted", (await Api.NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = a.AssignmentId }, Unit)).Assignment.Status);
    }

    [Fact]
    public async Task Returns_stop_at_the_cap()
    {
        var a = await _flow.AssignedAsync(system.Intake.Channel);
        var units = new[] { "nanjing-housing-bureau", "nanjing-land-bureau" };
        foreach (var next in units)
        {
            var unit = Callers.Department(a.UnitCode);
            await Api.RequestReturnAsync(new RequestReturnRequest { AssignmentId = a.AssignmentId, Reasons = "不属本单位" }, unit);
            await Api.DecideReturnAsync(new DecideReturnRequest { AssignmentId = a.AssignmentId, Approve = true, Reason = "同意", NewUnitCode = next }, Bureau);
            a = await _flow.AssignmentOfAsync(Guid.Parse(a.CaseId));
        }
        await Refused(() => Api.RequestReturnAsync(new RequestReturnRequest { AssignmentId = a.AssignmentId, Reasons = "不属本单位" },
            Callers.Department(a.UnitCode)).ResponseAsync, StatusCode.FailedPrecondition, "ReturnCapReached");
    }

    [Fact]
    public async Task One_extension_of_at_most_thirty_days_moves_the_handling_limit()
    {
        var a = await _flow.AcceptedAsync(await _flow.AssignedAsync(system.Intake.Channel));
        await Refused(() => Api.RequestExtensionAsync(new RequestExtensionRequest { AssignmentId = a.AssignmentId, Days = 31, Reason = "需补充调查" }, Unit).ResponseAsync,
            StatusCode.FailedPrecondition, "ExtensionTooLong");
        await Api.RequestExtensionAsync(new RequestExtensionRequest { AssignmentId = a.AssignmentId, Days = 20, Reason = "需补充调查" }, Unit);
        var granted = await Api.DecideExtensionAsync(new DecideExtensionRequest { AssignmentId = a.AssignmentId, Approve = true }, Bureau);
        Assert.Equal("granted", granted.Assignment.ExtensionStatus);
        Assert.InRange((granted.Assignment.HandlingDueAt.ToDateTimeOffset() - a.HandlingDueAt.ToDateTimeOffset()).TotalDays, 20, 24); // may roll past a weekend
        var handling = (await Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = a.CaseId }, Bureau)).Deadlines.Single(d => d.Step == "handling");
        Assert.Equal(granted.Assignment.HandlingDueAt, handling.DueAt);
        await Refused(() => Api.RequestExtensionAsync(new RequestExtensionRequest { AssignmentId = a.AssignmentId, Days = 5, Reason = "再延" }, Unit).ResponseAsync,
            StatusCode.FailedPrecondition, "OneExtensionOnly");
    }

    [Fact]
    public async Task A_leader_instructed_report_goes_up_only_after_sign_off()
    {
        var a = await _flow.AcceptedAsync(await _flow.AssignedAsync(system.Intake.Channel, r => r.LeaderInstructed = true));
        var submitted = await Api.SubmitReportAsync(new SubmitReportRequest { AssignmentId = a.AssignmentId, Outcome = "explained", Answer = "政策解释" }, Unit);
        Assert.Equal("report_awaiting_sign_off", submitted.Assignment.Status);
        await Refused(() => Api.ReviewReportAsync(new ReviewReportRequest { AssignmentId = a.AssignmentId, Approve = true }, Bureau).ResponseAsync,
            StatusCode.FailedPrecondition, "NoReportToReview");
        // Only a leader of the unit signs: the department itself, a leader of another unit and a bureau are all refused.
        await Refused(() => Api.SignOffReportAsync(new SignOffReportRequest { AssignmentId = a.AssignmentId }, Unit).ResponseAsync,
            StatusCode.PermissionDenied);
        await Refused(() => Api.SignOffReportAsync(new SignOffReportRequest { AssignmentId = a.AssignmentId }, Callers.Leader("nanjing-housing-bureau", "320100")).ResponseAsync,
            StatusCode.PermissionDenied);
        await Refused(() => Api.SignOffReportAsync(new SignOffReportRequest { AssignmentId = a.AssignmentId }, Bureau).ResponseAsync, StatusCode.PermissionDenied);
        var signed = await Api.SignOffReportAsync(new SignOffReportRequest { AssignmentId = a.AssignmentId },
            Callers.Leader(LabourBureau, "320100", name: "刘强", title: "局长"));
        Assert.Equal("report_submitted", signed.Assignment.Status);
        Assert.Equal("刘强（局长）", signed.Assignment.SignedOffBy);
    }

    [Fact]
    public async Task A_report_sent_back_is_handled_again_and_then_approved()
    {
        var a = await _flow.AcceptedAsync(await _flow.AssignedAsync(system.Intake.Channel));
        await Api.SubmitReportAsync(new SubmitReportRequest { AssignmentId = a.AssignmentId, Outcome = "not_supported", Answer = "不予支持" }, Unit);
        await Refused(() => Api.ReviewReportAsync(new ReviewReportRequest { AssignmentId = a.AssignmentId, Approve = false }, Bureau).ResponseAsync,
            StatusCode.InvalidArgument, "reasons");
        var back = await Api.ReviewReportAsync(new ReviewReportRequest { AssignmentId = a.AssignmentId, Approve = false, Reasons = "处理意见不明确" }, Bureau);
        Assert.Equal("accepted", back.Assignment.Status);
        Assert.Equal(1, back.Assignment.SendBackCount);
        Assert.Contains((await Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = a.CaseId }, Bureau)).Deadlines, d => d.Step == "rehandling" && d.MetAt is null);
        await Api.SubmitReportAsync(new SubmitReportRequest { AssignmentId = a.AssignmentId, Outcome = "resolved", Answer = "已重新核查并支持" }, Unit);
        Assert.Equal("approved", (await Api.ReviewReportAsync(new ReviewReportRequest { AssignmentId = a.AssignmentId, Approve = true }, Bureau)).Assignment.Status);
        Assert.Contains((await Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = a.CaseId }, Bureau)).Deadlines, d => d.Step == "rehandling" && d.MetAt is not null);
    }

    [Fact]
    public async Task Illegal_steps_are_refused_and_other_units_see_nothing()
    {
        var a = await _flow.AssignedAsync(system.Intake.Channel);
        await Refused(() => Api.SubmitReportAsync(new SubmitReportRequest { AssignmentId = a.AssignmentId, Outcome = "resolved", Answer = "x" }, Unit).ResponseAsync,
            StatusCode.FailedPrecondition, "ReportOnlyWhileHandling");
        await Refused(() => Api.NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = a.AssignmentId }, Unit).ResponseAsync,
            StatusCode.FailedPrecondition, "AcceptanceNeedsAcknowledgement");
        await Refused(() => Api.SendReplyAsync(new SendReplyRequest { CaseId = a.CaseId }, Bureau).ResponseAsync, StatusCode.FailedPrecondition, "ReplyNeedsApprovedReport");
        await Refused(() => Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = a.AssignmentId },
            Callers.Department("nanjing-housing-bureau")).ResponseAsync, StatusCode.NotFound);
        await Refused(() => Api.SubmitReportAsync(new SubmitReportRequest { AssignmentId = a.AssignmentId, Outcome = "fixed", Answer = "" }, Unit).ResponseAsync,
            StatusCode.InvalidArgument, "outcome");
        Assert.Equal("pending", (await Api.GetCaseAsync(new GetCaseRequest { CaseId = a.CaseId }, Bureau)).Case.Assignments.Single().Status);
    }
}
