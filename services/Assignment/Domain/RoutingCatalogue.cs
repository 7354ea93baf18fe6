namespace Coordination.Assignment.Domain;

/// <summary>Picks the most specific rule: the longest region prefix first, then a named topic over "any topic".</summary>
public static class RoutingCatalogue
{
    public static RoutingRule? Match(IEnumerable<RoutingRule> rules, string regionCode, string topic) => rules
        .Where(r => regionCode.StartsWith(r.RegionPrefix, StringComparison.Ordinal))
        .Where(r => r.Topic is null || string.Equals(r.Topic, topic, StringComparison.OrdinalIgnoreCase))
        .OrderByDescending(r => r.RegionPrefix.Length)
        .ThenByDescending(r => r.Topic is not null)
        .ThenBy(r => r.Id)
        .FirstOrDefault();
}
