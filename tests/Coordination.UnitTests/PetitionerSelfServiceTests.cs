using Coordination.Intake.Api;
using Coordination.Intake.Domain;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.UnitTests;

/// <summary>The self-service's second factor, the petitioner's view of a case's handling, and the search's page tokens.</summary>
public sealed class PetitionerSelfServiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static PetitionerRecord Person(string? phone) => new() { Name = "张三", Phone = phone };

    [Fact]
    public void The_last_four_digits_of_any_phone_are_the_second_factor_and_nothing_else_is()
    {
        var petition = Petition(Person("138-0013-4721"), Person("+86 139 0000 1234"));
        Assert.Null(petition.QueryPin);
        Assert.True(SecondFactors.Matches(petition, "4721"));
        Assert.True(SecondFactors.Matches(petition, "1234"));
        Assert.False(SecondFactors.Matches(petition, "0013"));
        Assert.False(SecondFactors.Matches(petition, "472"));
    }

    [Fact]
    public void Without_a_phone_a_pin_is_handed_out_and_only_it_opens_the_case()
    {
        var petition = Petition(Person(null), Person("12"));
        Assert.Matches("^[0-9]{4}$", petition.QueryPin);
        Assert.True(SecondFactors.Matches(petition, petition.QueryPin!));
        Assert.False(SecondFactors.Matches(petition, petition.QueryPin == "0012" ? "0013" : "0012"));
        Assert.False(SecondFactors.IsWellFormed("12a4"));
    }

    [Fact]
    public void The_view_follows_the_handling_forward_and_allows_rating_and_review_only_after_the_answer()
    {
        var progress = new CaseProgress { CaseId = Guid.NewGuid() };
        var handOver = Guid.NewGuid();
        progress.Assigned(handOver, "nanjing-labour-bureau", T0.AddDays(3));
        progress.Assigned(handOver, "nanjing-labour-bureau", T0.AddDays(3)); // redelivered
        Assert.Single(progress.Holders);
        progress.Acknowledged(handOver);
        progress.Accepted(handOver, T0.AddDays(60));
        progress.Acknowledged(handOver); // late: forward only
        Assert.Equal((HolderDuties.Handle, T0.AddDays(60)), (progress.Holders[0].Duty, progress.Holders[0].DueAt));
        Assert.Equal("RatingNeedsReply", Assert.Throws<DomainRuleException>(progress.RequireRatable).Rule);

        progress.Replied("已支付", T0.AddDays(20), T0.AddDays(50));
        Assert.Empty(progress.Holders);
        Assert.True(progress.CanRate && progress.CanRequestReview(T0.AddDays(21), closed: false));
        Assert.False(progress.CanRequestReview(T0.AddDays(51), closed: false));
        Assert.Equal("ReviewWindowPassed", Assert.Throws<DomainRuleException>(() => progress.RequireReviewable(T0.AddDays(51), closed: false)).Rule);

        progress.RatingSent();
        Assert.Equal("RatingPending", Assert.Throws<DomainRuleException>(progress.RequireRatable).Rule);
        progress.Rated("dissatisfied", "未到账", byPetitioner: true);
        Assert.Equal("AlreadyRated", Assert.Throws<DomainRuleException>(progress.RequireRatable).Rule);

        progress.ReviewSent();
        progress.Refused("review", ProgressStatus.RefusalText("ReviewWindowPassed"));
        Assert.Equal(("申请期限已届满", false), (progress.Refusal, progress.ReviewPending));
        progress.ReviewRequested("review", T0.AddDays(52), "nanjing-petition-bureau", byPetitioner: true);
        Assert.Null(progress.Refusal);
        Assert.Equal(HolderDuties.DecideReview, Assert.Single(progress.Holders).Duty);
        progress.ReviewDecided("review", "upheld", "维持", T0.AddDays(82));
        Assert.True(progress.CanRequestReview(T0.AddDays(60), closed: false));
    }

    [Fact]
    public void A_page_token_reads_back_only_unaltered_and_for_its_own_search()
    {
        var tokens = new SearchPageTokens("pepper-of-a-unit-test");
        var position = new SearchPageTokens.Position(T0, Guid.NewGuid());
        var token = tokens.For(position, "clerk|张三");
        Assert.Equal(position, tokens.Read(token, "clerk|张三"));
        Assert.Null(tokens.Read(token, "clerk|李四"));
        Assert.Null(new SearchPageTokens("another-pepper-entirely").Read(token, "clerk|张三"));
        for (var i = 0; i < token.Length; i++)
        {
            foreach (var other in new[] { 'A', 'B', 'Q', '_' }.Where(c => c != token[i]))
                Assert.Null(tokens.Read(token[..i] + other + token[(i + 1)..], "clerk|张三"));
        }
    }

    private static Petition Petition(params PetitionerRecord[] petitioners) => new()
    {
        CaseNumber = "320102-2026-000001", Channel = "visit", RegionCode = "320102", Category = "grievance", Topic = "housing", Summary = "s",
        MatterText = "s", ReceivingUnit = "nanjing-petition-bureau", Clerk = "clerk", Outcome = Outcomes.Registered, Status = PetitionStatuses.Registered,
        QueryCode = QueryCodes.New(), QueryPin = SecondFactors.PinFor(petitioners), Petitioners = [.. petitioners],
    };
}
