using Coordination.ServiceDefaults.Time;
using Coordination.Assignment.Persistence;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Assignment.Domain;

/// <summary>Now, the case's rule set (chosen by its registration date) and the holiday calendar (data).</summary>
public sealed class CaseClock(ReferenceDataCache<RuleSet> ruleSets, ReferenceDataCache<Holiday> holidays, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow().ToUniversalTime();

    public async Task<RuleSet> InForceAsync(AssignmentDb db, DateTimeOffset registeredAt, CancellationToken ct) =>
        RuleSet.InForce(await ruleSets.GetAsync(db, ct), registeredAt);

    public async Task<(RuleSet Rules, BusinessCalendar Calendar)> ForAsync(AssignmentDb db, HandlingCase c, CancellationToken ct)
    {
        var rules = (await ruleSets.GetAsync(db, ct)).Single(r => r.Version == c.RuleSetVersion);
        var calendar = new BusinessCalendar((await holidays.GetAsync(db, ct)).Select(h => h.Date).ToHashSet());
        return (rules, calendar);
    }
}
