using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Rules;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// A people's suggestion's track (§18, ADR 26): the bureau passes it to the competent department with the rule set's
/// evaluation limit, the department evaluates it, the bureau commends an adopted one. Each under the case's row lock.
/// </summary>
public sealed class SuggestionActions(AssignmentDb db, AssignmentReferenceData reference, TimeProvider clock, IDeadlineHandler<AssignmentDb> deadlines)
{
    public Task<Suggestion> PassAsync(Guid caseId, string unit, Caller bureau, CancellationToken ct) =>
        OnSuggestionAsync(caseId, bureau.Require(Roles.Bureau), s => bureau.Covers(s.RegionCode), async (s, c, ctx) =>
        {
            s.PassTo(unit, ctx.Now, ctx.Limits.SuggestionEvaluatedBy(ctx.Now));
            await ctx.MeetAsync(c.Id, null, DeadlineSteps.SuggestionEvaluation); // passed on: the earlier department owes nothing more
            ctx.Start(c, null, DeadlineSteps.SuggestionEvaluation, unit, s.EvaluateBy!.Value);
            db.Publish(new SuggestionPassed
            {
                CaseId = c.Id, UnitCode = unit, EvaluateBy = s.EvaluateBy.Value, Actor = bureau.Subject, ActorUnit = bureau.Unit, OccurredAt = ctx.Now,
            }, c.Id);
            return s;
        }, ct);

    public Task<Suggestion> EvaluateAsync(Guid caseId, string outcome, string reasons, Caller department, CancellationToken ct) =>
        OnSuggestionAsync(caseId, department.Require(Roles.Department), s => s.IsWith(department.Unit), async (s, c, ctx) =>
        {
            s.Evaluate(outcome, reasons, department.Subject, ctx.Now);
            await ctx.MeetAsync(c.Id, null, DeadlineSteps.SuggestionEvaluation);
            db.Publish(new SuggestionEvaluated
            {
                CaseId = c.Id, UnitCode = s.UnitCode!, Outcome = outcome, Reasons = reasons, Actor = department.Subject, ActorUnit = department.Unit,
                OccurredAt = ctx.Now,
            }, c.Id);
            return s;
        }, ct);

    public Task<Suggestion> CommendAsync(Guid caseId, string commendation, Caller bureau, CancellationToken ct) =>
        OnSuggestionAsync(caseId, bureau.Require(Roles.Bureau), s => bureau.Covers(s.RegionCode), (s, c, ctx) =>
        {
            s.Commend(commendation, ctx.Now);
            db.Publish(new SuggestionCommended
            {
                CaseId = c.Id, Commendation = commendation, Actor = bureau.Subject, ActorUnit = bureau.Unit, OccurredAt = ctx.Now,
            }, c.Id);
            return Task.FromResult(s);
        }, ct);

    /// <summary>Out of the caller's sight is NotFound, as a suggestion that does not exist; run again if the scanner moved a limit meanwhile.</summary>
    private Task<T> OnSuggestionAsync<T>(Guid caseId, Caller caller, Func<Suggestion, bool> visible,
        Func<Suggestion, HandlingCase, CaseUnitOfWork.Context, Task<T>> action, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM cases WHERE \"Id\" = {caseId} FOR UPDATE", ct);
            var s = await db.Suggestions.FirstOrDefaultAsync(x => x.CaseId == caseId, ct);
            if (s is null || !visible(s)) throw new NotFoundException("suggestion");
            var c = await db.Cases.FirstAsync(x => x.Id == caseId, ct);
            var limits = await reference.LimitsAsync(db, c, ct);
            var result = await action(s, c, new CaseUnitOfWork.Context(db, limits, clock.GetUtcNow().ToUniversalTime(), caller, deadlines));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        });
}
