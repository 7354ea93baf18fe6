using Coordination.Assignment.Domain;
using Coordination.ServiceDefaults.Calendar;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Assignment.Persistence;

/// <summary>
/// The routing catalogue, the rule sets and the working calendar (the Directory's, copied here): data rows, cached
/// until a change is signalled on every replica (ADR 20).
/// </summary>
public sealed class AssignmentReferenceData(ReferenceDataCache<RoutingRule> catalogue, ReferenceDataCache<RuleSet> ruleSets, WorkingCalendarCache calendar)
{
    public Task<IReadOnlyList<RoutingRule>> CatalogueAsync(AssignmentDb db, CancellationToken ct) => catalogue.GetAsync(db, ct);

    public Task<IReadOnlyList<RuleSet>> RuleSetsAsync(AssignmentDb db, CancellationToken ct) => ruleSets.GetAsync(db, ct);

    /// <summary>The rule set a newly registered case keeps for its whole life.</summary>
    public async Task<RuleSet> InForceAsync(AssignmentDb db, DateTimeOffset registeredAt, CancellationToken ct) =>
        RuleSet.InForce(await ruleSets.GetAsync(db, ct), registeredAt);

    public async Task<CaseTimeLimits> LimitsAsync(AssignmentDb db, HandlingCase c, CancellationToken ct) =>
        CaseTimeLimits.Of(await ruleSets.GetAsync(db, ct), await calendar.GetAsync(ct), c.RuleSetVersion);
}
