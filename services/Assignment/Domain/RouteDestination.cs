namespace Coordination.Assignment.Domain;

/// <summary>Where a case goes next: another service's track, a unit, or the bureau's queue for routing by hand.</summary>
public enum RouteDestination
{
    /// <summary>诉访分离: law-related cases leave the petition track.</summary>
    LegalDiversion,
    /// <summary>Cross-region cases go to a joint meeting (§21).</summary>
    JointMeeting,
    /// <summary>The competent unit named by the routing catalogue.</summary>
    Unit,
    /// <summary>No rule fits, or the only rule names the accused unit.</summary>
    BureauQueue,
}
