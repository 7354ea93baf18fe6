using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Calendar;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// An administrator saves a rule set (ADR 20): a new version, never a change to one a case may already keep. Every
/// replica's cache forgets the rule sets when it commits (NOTIFY), this one at once.
/// </summary>
public sealed class RuleSetActions(AssignmentDb db, ReferenceDataCache<RuleSet> cache, TimeProvider clock)
{
    /// <summary>The draft's limits were checked by the caller (RuleSet.Problems).</summary>
    public async Task<RuleSet> SaveAsync(RuleSet draft, Caller administrator, CancellationToken ct)
    {
        administrator.Require(Roles.Administrator);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"LOCK TABLE rule_sets IN SHARE ROW EXCLUSIVE MODE", ct); // one version number per save
        var prefix = $"{draft.EffectiveFrom.Year}.";
        var taken = await db.RuleSets.Where(r => r.Version.StartsWith(prefix)).Select(r => r.Version).ToListAsync(ct);
        var next = taken.Select(v => int.TryParse(v[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var saved = new RuleSet
        {
            Version = prefix + next, EffectiveFrom = draft.EffectiveFrom, SavedAt = clock.GetUtcNow().ToUniversalTime(), SavedBy = administrator.Subject,
            AcknowledgeWorkingDays = draft.AcknowledgeWorkingDays, AcceptNoticeDays = draft.AcceptNoticeDays, ObjectionWorkingDays = draft.ObjectionWorkingDays,
            HandlingDays = draft.HandlingDays, MaxExtensionDays = draft.MaxExtensionDays, RehandlingDays = draft.RehandlingDays,
            ReviewRequestDays = draft.ReviewRequestDays, ReviewDecisionDays = draft.ReviewDecisionDays, ReturnCap = draft.ReturnCap,
            ReminderFraction = draft.ReminderFraction, SupervisionWorkingDays = draft.SupervisionWorkingDays,
            SuggestionEvaluationWorkingDays = draft.SuggestionEvaluationWorkingDays, OwnershipProgressWorkingDays = draft.OwnershipProgressWorkingDays,
        };
        db.RuleSets.Add(saved);
        await db.SaveChangesAsync(ct);
        await ReferenceDataSignals.NotifyAsync(db, "rule_sets", ct);
        await tx.CommitAsync(ct);
        cache.Forget();
        return saved;
    }
}
