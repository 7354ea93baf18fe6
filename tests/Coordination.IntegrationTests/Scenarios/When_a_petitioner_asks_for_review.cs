using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>复查 then 复核 (with a hearing pausing the clock); after re-review the matter is final.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_petitioner_asks_for_review(SystemFixture system)
{
    private readonly CaseFlow _flow = new(system.Assignment.Channel);
    private AssignmentService.AssignmentServiceClient Api => _flow.Api;

    [Fact]
    public async Task Review_then_re_review_with_a_hearing_ends_final_and_the_same_facts_are_refused()
    {
        var person = IdNumbers.New();
        var a = await _flow.AssignedAsync(system.Intake.Channel, r => r.Petitioners[0].IdNumber = person);
        await _flow.RepliedAsync(a, "not_supported");
        var clerk = Callers.Clerk();

        await Refused(() => Api.RequestReviewAsync(new RequestReviewRequest { CaseId = a.CaseId }, clerk).ResponseAsync, StatusCode.InvalidArgument, "reasons");
        Assert.Equal("review_requested", (await Api.RequestReviewAsync(new RequestReviewRequest { CaseId = a.CaseId, Reasons = "不服处理意见" }, clerk)).Case.Status);
        var decided = await Api.DecideReviewAsync(new DecideReviewRequest { CaseId = a.CaseId, Decision = "upheld", Answer = "维持原处理意见" }, Bureau);
        Assert.Equal("review_decided", decided.Case.Status);

        Assert.Equal("rereview_requested", (await Api.RequestReviewAsync(new RequestReviewRequest { CaseId = a.CaseId, Reasons = "仍不服" }, clerk)).Case.Status);
        var before = (await Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = a.CaseId }, Bureau)).Deadlines.Single(d => d.Step == "rereview_decision");
        await Api.StartHearingAsync(new StartHearingRequest { CaseId = a.CaseId }, Bureau);
        Assert.True((await Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = a.CaseId }, Bureau)).Deadlines.Single(d => d.Step == "rereview_decision").Paused);
        await Refused(() => Api.DecideReviewAsync(new DecideReviewRequest { CaseId = a.CaseId, Decision = "upheld", Answer = "x" }, Bureau).ResponseAsync,
            StatusCode.FailedPrecondition, "HearingInProgress");
        await Task.Delay(200);
        await Api.EndHearingAsync(new EndHearingRequest { CaseId = a.CaseId }, Bureau);
        var after = (await Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = a.CaseId }, Bureau)).Deadlines.Single(d => d.Step == "rereview_decision");
        Assert.True(after.DueAt.ToDateTimeOffset() - before.DueAt.ToDateTimeOffset() >= TimeSpan.FromMilliseconds(200), "the hearing's time is added to the limit");

        var final = await Api.DecideReviewAsync(new DecideReviewRequest { CaseId = a.CaseId, Decision = "upheld", Answer = "复核维持，终结" }, Bureau);
        Assert.Equal("closed", final.Case.Status);
        Assert.True(final.Case.Final);
        await Refused(() => Api.RequestReviewAsync(new RequestReviewRequest { CaseId = a.CaseId, Reasons = "再次申请" }, clerk).ResponseAsync,
            StatusCode.FailedPrecondition, "CaseIsFinal");

        var intake = new IntakeService.IntakeServiceClient(system.Intake.Channel);
        await Eventually.UntilAsync(() => intake.GetPetitionAsync(new GetPetitionRequest { CaseId = a.CaseId }, clerk).ResponseAsync,
            p => p.Petition.Status == "closed", "Intake to learn the case closed");
        var again = Fixtures.Petitions.Valid(region: "320106", topic: "labour", idNumber: person);
        var refused = await intake.RegisterPetitionAsync(again, clerk);
        Assert.Equal(Outcome.NotAccepted, refused.Outcome);
        Assert.Equal("FINAL_AFTER_REREVIEW", refused.NotAcceptedReason);
    }

    [Fact]
    public async Task Review_needs_a_reply_first()
    {
        var a = await _flow.AssignedAsync(system.Intake.Channel);
        await Refused(() => Api.RequestReviewAsync(new RequestReviewRequest { CaseId = a.CaseId, Reasons = "不服" }, Callers.Clerk()).ResponseAsync,
            StatusCode.FailedPrecondition, "NothingToReview");
        await Refused(() => Api.StartHearingAsync(new StartHearingRequest { CaseId = a.CaseId }, Bureau).ResponseAsync, StatusCode.FailedPrecondition, "NoReReviewPending");
    }
}
