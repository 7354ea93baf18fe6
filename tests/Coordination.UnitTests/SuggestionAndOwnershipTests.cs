using Coordination.Assignment.Domain;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.UnitTests;

/// <summary>People's suggestions (§18) and case ownership (包案, §12): each rule guards its transition and changes nothing when broken.</summary>
public sealed class SuggestionAndOwnershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static Suggestion Received() => new()
    {
        CaseId = Guid.NewGuid(), CaseNumber = "320102-2026-000001", RegionCode = "320102", Topic = "transport", Summary = "增开夜间公交", Channel = "web", ReceivedAt = Now,
    };

    private static HandlingCase Case(bool longStanding) => new()
    {
        Id = Guid.NewGuid(), CaseNumber = "320102-2026-000002", RegionCode = "320102", Topic = "land", Status = CaseStatus.Assigned, RuleSetVersion = "2026.1",
        LongStandingPetitioner = longStanding,
    };

    [Fact]
    public void A_suggestion_is_passed_evaluated_and_commended_in_that_order()
    {
        var s = Received();
        Assert.Equal("CommendationNeedsAdoption", Assert.Throws<DomainRuleException>(() => s.Commend("表扬", Now)).Rule);
        Assert.Equal("SuggestionNotAwaitingEvaluation", Assert.Throws<DomainRuleException>(() => s.Evaluate("adopted", "可行", "d", Now)).Rule);
        s.PassTo("nanjing-transport", Now, Now.AddDays(28));
        s.PassTo("nanjing-housing-bureau", Now, Now.AddDays(28)); // the bureau corrects its choice before the evaluation
        Assert.True(s.IsWith("nanjing-housing-bureau"));
        Assert.False(s.IsWith("nanjing-transport"));
        s.Evaluate("partly_adopted", "部分可行", "dept-1", Now.AddDays(3));
        Assert.Equal("SuggestionAlreadyEvaluated", Assert.Throws<DomainRuleException>(() => s.PassTo("other", Now, Now)).Rule);
        s.Commend("备案", Now.AddDays(4));
        Assert.Equal((SuggestionStatus.Commended, "partly_adopted", "备案"), (s.Status, s.Outcome, s.Commendation));
        Assert.Equal("SuggestionAlreadyCommended", Assert.Throws<DomainRuleException>(() => s.Commend("再次", Now)).Rule);
    }

    [Fact]
    public void A_suggestion_not_adopted_or_without_reasons_is_never_commended_or_evaluated()
    {
        var s = Received();
        s.PassTo("u", Now, Now.AddDays(1));
        Assert.Equal("SuggestionNeedsReasons", Assert.Throws<DomainRuleException>(() => s.Evaluate("adopted", " ", "d", Now)).Rule);
        Assert.Equal(SuggestionStatus.Passed, s.Status);
        Assert.True(s.Overdue(Now.AddDays(2)));
        s.Evaluate("not_adopted", "与规划冲突", "d", Now.AddDays(2));
        Assert.False(s.Overdue(Now.AddDays(3)));
        Assert.Equal("CommendationNeedsAdoption", Assert.Throws<DomainRuleException>(() => s.Commend("表扬", Now)).Rule);
        Assert.Null(s.Commendation);
    }

    [Fact]
    public void Only_a_long_standing_petitioners_case_is_owned_and_each_note_moves_the_next_limit()
    {
        Assert.Equal("OwnershipNeedsLongStandingPetitioner", Assert.Throws<DomainRuleException>(() =>
            CaseOwnership.Take(Guid.NewGuid(), Case(longStanding: false), "leader-1", "孙立新（副市长）", "nanjing-gov", "方案", ["xuanwu-gov"], 10, Now, Now.AddDays(14))).Rule);
        var o = CaseOwnership.Take(Guid.NewGuid(), Case(longStanding: true), "leader-1", "孙立新（副市长）", "nanjing-gov", "方案", ["xuanwu-gov"], 10, Now, Now.AddDays(14));
        Assert.True(o.OwnedBy("leader-1"));
        Assert.True(o.Overdue(Now.AddDays(15)));
        Assert.Equal("ProgressNeedsNote", Assert.Throws<DomainRuleException>(() => o.RecordProgress("", Now, Now.AddDays(28))).Rule);
        Assert.Equal(0, o.Notes);
        o.RecordProgress("已约谈", Now.AddDays(15), Now.AddDays(29));
        Assert.Equal((1, "已约谈", false), (o.Notes, o.LastNote, o.Overdue(Now.AddDays(16))));

        o.End(Now.AddDays(40)); // its case closed
        Assert.False(o.Overdue(Now.AddDays(60)));
        Assert.Equal("OwnershipEnded", Assert.Throws<DomainRuleException>(() => o.RecordProgress("再约谈", Now.AddDays(41), Now.AddDays(55))).Rule);
        Assert.Equal(1, o.Notes);
    }

    [Fact]
    public void The_rule_sets_new_limits_are_whole_days_and_named_when_bad()
    {
        var rules = new RuleSet { Version = "draft", EffectiveFrom = new DateOnly(2099, 1, 1), SuggestionEvaluationWorkingDays = 0, OwnershipProgressWorkingDays = 61 };
        var fields = rules.Problems(new DateOnly(2026, 11, 2)).Select(p => p.Field).ToList();
        Assert.Equal(["suggestion_evaluation_working_days", "ownership_progress_working_days"], fields);
        Assert.Empty(new RuleSet { Version = "d", EffectiveFrom = new DateOnly(2099, 1, 1) }.Problems(new DateOnly(2026, 11, 2)));
    }
}
