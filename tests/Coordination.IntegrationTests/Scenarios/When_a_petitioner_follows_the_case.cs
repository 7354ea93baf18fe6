using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// The petitioner's self-service, with no token: the query code and the last four digits of their phone show the case
/// from registration to the answer (who holds it, by when, the reply), and the petitioner rates the answer and asks for
/// review themselves; Assignment records both as the petitioner's own, and the bureau sees them.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_petitioner_follows_the_case(SystemFixture system)
{
    private readonly CaseFlow _flow = new(system.Assignment.Channel);
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);

    [Fact]
    public async Task From_registration_to_reply_then_dissatisfied_and_review_which_the_bureau_sees()
    {
        var request = Fixtures.Petitions.Valid(region: "320106", topic: "labour");
        request.Petitioners[0].Phone = "138-0013-4721";
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        Assert.Equal("", registered.QueryPin); // a phone was given: its last four digits are the second factor
        var proof = new PetitionerProof { QueryCode = registered.QueryCode.ToLowerInvariant(), SecondFactor = "4721" };

        var assigned = await Eventually.UntilAsync(() => ProgressAsync(proof), p => p.Status == "assigned", "the hand-over in the petitioner's view");
        Assert.Equal(registered.CaseNumber, assigned.CaseNumber);
        Assert.Equal("已交办，待签收", assigned.StatusText);
        var holder = Assert.Single(assigned.Holders);
        Assert.Equal(("南京市劳动保障监察支队", "签收"), (holder.UnitName, holder.Duty));
        Assert.NotNull(holder.DueAt);
        Assert.False(assigned.CanRate);
        await Refused(() => Intake.RatePetitionReplyAsync(new RatePetitionReplyRequest { Proof = proof, Rating = ReplyRating.Satisfied }).ResponseAsync,
            StatusCode.FailedPrecondition, "答复后方可评价");

        var a = await _flow.AssignmentOfAsync(Guid.Parse(registered.CaseId));
        await _flow.AcceptedAsync(a);
        var handling = await Eventually.UntilAsync(() => ProgressAsync(proof), p => p.Status == "handling", "the acceptance in the petitioner's view");
        Assert.Equal("办结", Assert.Single(handling.Holders).Duty);

        await _flow.Api.SubmitReportAsync(new SubmitReportRequest { AssignmentId = a.AssignmentId, Outcome = "not_supported", Answer = "经核查，补偿款已依协议足额支付，诉求不予支持" }, Unit);
        await _flow.Api.ReviewReportAsync(new ReviewReportRequest { AssignmentId = a.AssignmentId, Approve = true }, Bureau);
        await _flow.Api.SendReplyAsync(new SendReplyRequest { CaseId = a.CaseId }, Bureau);
        var replied = await Eventually.UntilAsync(() => ProgressAsync(proof), p => p.Status == "replied", "the reply in the petitioner's view");
        Assert.Equal(("已答复", "经核查，补偿款已依协议足额支付，诉求不予支持"), (replied.StatusText, replied.Reply));
        Assert.Empty(replied.Holders);
        Assert.True(replied.CanRate && replied.CanRequestReview);
        Assert.True(replied.ReviewWindowEndsAt.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(29));

        await Refused(() => Intake.RatePetitionReplyAsync(new RatePetitionReplyRequest { Proof = proof, Rating = ReplyRating.Dissatisfied }).ResponseAsync,
            StatusCode.InvalidArgument, "reason");
        var sent = (await Intake.RatePetitionReplyAsync(new RatePetitionReplyRequest { Proof = proof, Rating = ReplyRating.Dissatisfied, Reason = "补偿款至今未到账" })).Progress;
        Assert.False(sent.CanRate);
        var rated = await Eventually.UntilAsync(() => ProgressAsync(proof), p => p.Rating == ReplyRating.Dissatisfied, "Assignment to record the rating");
        Assert.Equal("补偿款至今未到账", rated.RatingReason);
        Assert.Equal("", rated.Pending);

        await Intake.RequestPetitionReviewAsync(new RequestPetitionReviewRequest { Proof = proof, Reasons = "对答复意见不服，申请复查" });
        var reviewing = await Eventually.UntilAsync(() => ProgressAsync(proof), p => p.Status == "review_requested", "Assignment to record the review request");
        Assert.Equal("复查申请已受理，待出具复查意见", reviewing.StatusText);
        Assert.Equal("出具复查（复核）意见", Assert.Single(reviewing.Holders).Duty);
        Assert.False(reviewing.CanRequestReview);

        // The bureau sees both, as the petitioner's own.
        var handled = (await _flow.Api.GetCaseAsync(new GetCaseRequest { CaseId = a.CaseId }, Bureau)).Case;
        Assert.Equal(("dissatisfied", "review_requested"), (handled.Rating, handled.Status));
        var timeline = await Eventually.UntilAsync(
            () => new ReportingService.ReportingServiceClient(system.Reporting.Channel).GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = a.CaseId }, Bureau).ResponseAsync,
            t => t.Entries.Any(e => e.Kind == "SatisfactionRated") && t.Entries.Any(e => e.Kind == "ReviewRequested"), "the petitioner's actions on the timeline");
        var rating = timeline.Entries.Single(e => e.Kind == "SatisfactionRated");
        Assert.Equal(("petitioner", ""), (rating.Actor, rating.Unit));
        Assert.Contains("补偿款至今未到账", rating.Detail);
        var review = timeline.Entries.Single(e => e.Kind == "ReviewRequested");
        Assert.Equal("petitioner", review.Actor);
        Assert.Contains("对答复意见不服", review.Detail);
        // The answer travels to Intake for the petitioner; Reporting neither logs nor shows it (ADR 18).
        Assert.DoesNotContain("经核查", timeline.Entries.Single(e => e.Kind == "ReplySubmitted").Detail);
        Assert.Equal(0, await system.Reporting.CountAsync("SELECT count(*) FROM event_log WHERE \"CaseId\" = $1 AND \"Body\" LIKE '%经核查%'", Guid.Parse(a.CaseId)));
        var decision = (await _flow.Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = a.CaseId }, Bureau)).Deadlines.Single(d => d.Step == "review_decision");
        Assert.Equal("nanjing-petition-bureau", decision.UnitCode); // the first receiver answers the review

        // The bureau decides; the petitioner reads the decision and may ask for re-review.
        await _flow.Api.DecideReviewAsync(new DecideReviewRequest { CaseId = a.CaseId, Decision = "upheld", Answer = "维持原处理意见" }, Bureau);
        var decided = await Eventually.UntilAsync(() => ProgressAsync(proof), p => p.Status == "review_decided", "the review's decision in the petitioner's view");
        Assert.Equal(("维持", "维持原处理意见"), (decided.ReviewDecision, decided.ReviewAnswer));
        Assert.True(decided.CanRequestReview);
    }

    [Fact]
    public async Task A_wrong_second_factor_is_refused_as_an_unknown_code_is()
    {
        var registered = await Intake.RegisterPetitionAsync(Fixtures.Petitions.Valid(), Callers.Clerk()); // phone 13800000000
        var wrong = await Refused(() => ProgressAsync(new PetitionerProof { QueryCode = registered.QueryCode, SecondFactor = "1234" }), StatusCode.NotFound);
        var unknown = await Refused(() => ProgressAsync(new PetitionerProof { QueryCode = "ZZZZZZZZZZ", SecondFactor = "0000" }), StatusCode.NotFound);
        Assert.Equal(unknown.Status.Detail, wrong.Status.Detail);
        var review = await Refused(() => Intake.RequestPetitionReviewAsync(new RequestPetitionReviewRequest
            { Proof = new PetitionerProof { QueryCode = registered.QueryCode, SecondFactor = "1234" }, Reasons = "不服" }).ResponseAsync, StatusCode.NotFound);
        Assert.Equal(unknown.Status.Detail, review.Status.Detail);
        await Refused(() => ProgressAsync(new PetitionerProof { QueryCode = registered.QueryCode, SecondFactor = "12a4" }), StatusCode.InvalidArgument, "proof.second_factor");
        Assert.Equal(registered.CaseNumber, (await ProgressAsync(new PetitionerProof { QueryCode = registered.QueryCode, SecondFactor = "0000" })).CaseNumber);
    }

    [Fact]
    public async Task Without_a_phone_the_query_pin_is_the_second_factor()
    {
        var request = Fixtures.Petitions.Valid();
        request.Petitioners[0].Phone = "";
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        Assert.Matches("^[0-9]{4}$", registered.QueryPin);
        var progress = await ProgressAsync(new PetitionerProof { QueryCode = registered.QueryCode, SecondFactor = registered.QueryPin });
        Assert.Equal(registered.CaseNumber, progress.CaseNumber);
        var other = registered.QueryPin == "0000" ? "0001" : "0000";
        await Refused(() => ProgressAsync(new PetitionerProof { QueryCode = registered.QueryCode, SecondFactor = other }), StatusCode.NotFound);
        // A retried registration hands out the same PIN.
        Assert.Equal(registered.QueryPin, (await Intake.RegisterPetitionAsync(request, Callers.Clerk())).QueryPin);
    }

    [Fact]
    public async Task An_accusation_shows_neither_the_accused_unit_nor_anyone_by_name()
    {
        var request = Fixtures.Petitions.Valid(region: "320106", topic: "labour");
        request.Category = Category.Accusation;
        request.AccusedUnit = "xuanwu-housing-office";
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        var proof = new PetitionerProof { QueryCode = registered.QueryCode, SecondFactor = "0000" };
        var assigned = await Eventually.UntilAsync(() => ProgressAsync(proof), p => p.Holders.Count > 0, "the hand-over in the petitioner's view");
        var text = assigned.ToString();
        Assert.DoesNotContain("xuanwu-housing-office", text);
        Assert.DoesNotContain("玄武区住房", text);
        Assert.DoesNotContain("clerk", text);
        Assert.All(assigned.Holders, h => Assert.Equal("南京市劳动保障监察支队", h.UnitName));
    }

    private async Task<PetitionProgress> ProgressAsync(PetitionerProof proof) =>
        (await Intake.GetPetitionProgressAsync(new GetPetitionProgressRequest { Proof = proof })).Progress;
}
