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
}
