using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;

namespace Coordination.UnitTests;

public sealed class RoutingCatalogueTests
{
    [Theory]
    [InlineData("320102", "housing", "xuanwu-housing-office")]   // the county's own rule beats the city's
    [InlineData("320104", "housing", "nanjing-housing-bureau")]  // city rule for another county
    [InlineData("320104", "HOUSING", "nanjing-housing-bureau")]  // topics match without regard to case
    [InlineData("320205", "anything", "wuxi-petition-office")]   // "any topic" rule
    [InlineData("320505", "environment", "jiangsu-environment-department")]
    public void The_most_specific_rule_wins(string region, string topic, string unit) =>
        Assert.Equal(unit, RoutingCatalogue.Match(RoutingSeed.Rules, region, topic)?.UnitCode);

    [Fact]
    public void A_named_topic_beats_any_topic_at_the_same_level()
    {
        RoutingRule[] rules =
        [
            new() { Id = 1, CatalogueVersion = "t", RegionPrefix = "3202", Topic = null, UnitCode = "wuxi-general", Kind = AssignmentKinds.Assignment },
            new() { Id = 2, CatalogueVersion = "t", RegionPrefix = "3202", Topic = "land", UnitCode = "wuxi-land", Kind = AssignmentKinds.Assignment },
        ];
        Assert.Equal("wuxi-land", RoutingCatalogue.Match(rules, "320205", "land")!.UnitCode);
        Assert.Equal("wuxi-general", RoutingCatalogue.Match(rules, "320205", "labour")!.UnitCode);
    }

    [Fact]
    public void No_rule_means_no_match() => Assert.Null(RoutingCatalogue.Match(RoutingSeed.Rules, "320102", "tourism"));

    private static HandlingCase Case(string region, string topic, bool lawRelated = false, string[]? otherRegions = null, string? accused = null) => new()
    {
        Id = Guid.NewGuid(), CaseNumber = "n", RegionCode = region, Topic = topic, LawRelated = lawRelated, OtherRegionCodes = [.. otherRegions ?? []],
        AccusedUnit = accused, Status = CaseStatus.AwaitingManualRouting, RuleSetVersion = "t",
    };

    [Fact]
    public void A_law_related_case_goes_to_legal_diversion_before_any_rule() =>
        Assert.Equal(RouteDestination.LegalDiversion, RoutingDecision.For(Case("320102", "housing", lawRelated: true, otherRegions: ["320500"]), RoutingSeed.Rules).Destination);

    [Fact]
    public void A_cross_region_case_goes_to_a_joint_meeting() =>
        Assert.Equal(RouteDestination.JointMeeting, RoutingDecision.For(Case("320102", "housing", otherRegions: ["320500"]), RoutingSeed.Rules).Destination);

    [Fact]
    public void A_matching_rule_names_the_unit_and_the_kind() =>
        Assert.Equal(new RoutingDecision(RouteDestination.Unit, "jiangsu-environment-department", AssignmentKinds.Transfer),
            RoutingDecision.For(Case("320505", "environment"), RoutingSeed.Rules));

    [Fact]
    public void An_accusation_never_goes_to_the_accused_unit_but_to_the_bureau_queue() =>
        Assert.Equal(RoutingDecision.ToBureauQueue, RoutingDecision.For(Case("320102", "housing", accused: "xuanwu-housing-office"), RoutingSeed.Rules));

    [Fact]
    public void Without_a_rule_the_case_waits_in_the_bureau_queue() =>
        Assert.Equal(RoutingDecision.ToBureauQueue, RoutingDecision.For(Case("320102", "tourism"), RoutingSeed.Rules));
}
