using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>Assignment's rungs: reminder, 催办 and 督办 as events; a passed review window closes the case.</summary>
public sealed class AssignmentDeadlines(AssignmentReferenceData reference, AccountabilityRules accountability) : DeadlineLadder<AssignmentDb>
{
    protected override IDeadlineRung Rung(DeadlineRungKind kind, Deadline d, DateTimeOffset now, string? how) => kind switch
    {
        DeadlineRungKind.Approaching => new DeadlineApproaching { CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        DeadlineRungKind.Missed => new DeadlineMissed { CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        DeadlineRungKind.Supervision => new SupervisionIssued { CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, OccurredAt = now },
        _ => new DeadlineCleared
        {
            CaseId = d.CaseId, DeadlineId = d.Id, AssignmentId = d.AssignmentId, Step = d.Step, UnitCode = d.UnitCode, DueAt = d.DueAt, How = how!, OccurredAt = now,
        },
    };

    /// <summary>The accountability rules look at every rung that fires (AccountabilityRules).</summary>
    protected override Task RungFiredAsync(AssignmentDb db, DeadlineRungKind kind, Deadline d, DateTimeOffset now, CancellationToken ct) =>
        accountability.RungFiredAsync(db, kind, d, now, ct);

    protected override async Task TimerFiredAsync(AssignmentDb db, Deadline d, DateTimeOffset now, CancellationToken ct)
    {
        if (d.Step == DeadlineSteps.AccountabilityCheck) { await accountability.CheckAsync(db, d, now, ct); return; }
        if (d.Step != DeadlineSteps.ReviewWindow) return;
        // The case's row lock, as every user action takes it: a review requested at this moment is not closed over.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM cases WHERE \"Id\" = {d.CaseId} FOR UPDATE", ct);
        var c = await db.Cases.FirstAsync(x => x.Id == d.CaseId, ct);
        if (c.Status == CaseStatus.Closed) return;
        c.Close(now);
        db.Publish(new CaseClosed { CaseId = c.Id, Outcome = c.Outcome ?? "unknown", Final = false, Reason = "review window passed", OccurredAt = now }, c.Id);
        await OwnershipEnding.WithCaseAsync(db, this, c.Id, now, ct);
    }

    /// <summary>
    /// The working calendar moved these limits (ADR 19): each hand-over shows its moved acknowledgement and handling
    /// limits, and an objection window still open is counted again from the hand-over under the case's rule set.
    /// </summary>
    public override async Task ReplannedAsync(AssignmentDb db, IReadOnlyList<Deadline> moved, BusinessCalendar calendar, DateTimeOffset now, CancellationToken ct)
    {
        await SuggestionsAndOwnershipsReplannedAsync(db, moved, ct);
        var movedIds = moved.Where(d => d.AssignmentId is not null).Select(d => d.AssignmentId!.Value).Distinct().ToList();
        var open = await db.Assignments.Where(a => movedIds.Contains(a.Id) || a.ObjectionDueAt > now)
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { Assignment = a, c.RuleSetVersion }).ToListAsync(ct);
        var ruleSets = (await reference.RuleSetsAsync(db, ct)).ToDictionary(r => r.Version);
        foreach (var row in open)
        {
            var a = row.Assignment;
            DateTimeOffset? DueOf(params string[] steps) =>
                moved.Where(d => d.AssignmentId == a.Id && steps.Contains(d.Step)).Select(d => (DateTimeOffset?)d.DueAt).LastOrDefault();
            DateTimeOffset? objection = a.ObjectionDueAt > now && ruleSets.TryGetValue(row.RuleSetVersion, out var rules)
                ? calendar.AfterWorkingDays(a.AssignedAt, rules.ObjectionWorkingDays) : null;
            a.Replanned(DueOf(DeadlineSteps.Acknowledge), DueOf(DeadlineSteps.Handling, DeadlineSteps.Rehandling), objection);
        }
    }

    /// <summary>A suggestion's evaluation limit and an owned case's next note show their moved limits too.</summary>
    private static async Task SuggestionsAndOwnershipsReplannedAsync(AssignmentDb db, IReadOnlyList<Deadline> moved, CancellationToken ct)
    {
        foreach (var d in moved.Where(d => d.Step == DeadlineSteps.SuggestionEvaluation))
            (await db.Suggestions.FirstOrDefaultAsync(s => s.CaseId == d.CaseId, ct))?.Replanned(d.DueAt);
        foreach (var d in moved.Where(d => d.Step == DeadlineSteps.OwnershipProgress))
            (await db.Ownerships.FirstOrDefaultAsync(o => o.Id == d.AssignmentId, ct))?.Replanned(d.DueAt);
    }
}
