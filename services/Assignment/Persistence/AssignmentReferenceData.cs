using Coordination.Assignment.Domain;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Assignment.Persistence;

/// <summary>
/// The routing catalogue, the rule sets and the holiday calendar: data rows, cached and re-read once a minute, so
/// that a new version takes effect without a restart.
/// </summary>
public sealed class AssignmentReferenceData(ReferenceDataCache<RoutingRule> catalogue, ReferenceDataCache<RuleSet> ruleSets, ReferenceDataCache<Holiday> holidays)
{
    public Task<IReadOnlyList<RoutingRule>> CatalogueAsync(AssignmentDb db, CancellationToken ct) => catalogue.GetAsync(db, ct);

    /// <summary>The rule set a newly registered case keeps for its whole life.</summary>
    public async Task<RuleSet> InForceAsync(AssignmentDb db, DateTimeOffset registeredAt, CancellationToken ct) =>
        RuleSet.InForce(await ruleSets.GetAsync(db, ct), registeredAt);

    public async Task<CaseTimeLimits> LimitsAsync(AssignmentDb db, HandlingCase c, CancellationToken ct) =>
        CaseTimeLimits.Of(await ruleSets.GetAsync(db, ct), await holidays.GetAsync(db, ct), c.RuleSetVersion);
}
