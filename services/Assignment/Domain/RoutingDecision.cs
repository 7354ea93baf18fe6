namespace Coordination.Assignment.Domain;

/// <summary>
/// The routing decision for a case: law-related cases to legal diversion, cross-region cases to a joint meeting,
/// the rest to the competent unit by the catalogue (never the accused unit), or to the bureau's queue.
/// </summary>
public sealed record RoutingDecision(RouteDestination Destination, string? UnitCode = null, string? Kind = null)
{
    public static readonly RoutingDecision ToLegalDiversion = new(RouteDestination.LegalDiversion);
    public static readonly RoutingDecision ToJointMeeting = new(RouteDestination.JointMeeting);
    public static readonly RoutingDecision ToBureauQueue = new(RouteDestination.BureauQueue);

    public static RoutingDecision For(HandlingCase c, IEnumerable<RoutingRule> catalogue)
    {
        if (c.LawRelated) return ToLegalDiversion;
        if (c.OtherRegionCodes.Count > 0) return ToJointMeeting;
        var rule = RoutingCatalogue.Match(catalogue, c.RegionCode, c.Topic);
        return rule is null || c.IsAccused(rule.UnitCode) ? ToBureauQueue : new RoutingDecision(RouteDestination.Unit, rule.UnitCode, rule.Kind);
    }
}
