using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;
using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// Runs one action on one case: row lock, load, guarded change, deadlines, outbox, commit. Out-of-scope cases
/// are NotFound, so case numbers don't leak; a broken rule rolls everything back.
/// </summary>
public sealed class CaseUnitOfWork(AssignmentDb db, AssignmentReferenceData reference, TimeProvider clock, IDeadlineHandler<AssignmentDb> deadlines)
{

    /// <summary>Run again from the start if the scanner changed one of its deadlines meanwhile (OptimisticRetry).</summary>
    /// <param name="subject">What the caller asked for, named in NotFound (never an id: out of scope looks like nonexistent).</param>
    public Task<T> OnCaseAsync<T>(Guid caseId, Caller caller, Func<HandlingCase, Context, Task<T>> action, CancellationToken ct, string subject = "case") =>
        db.RetryOnConflictAsync(() => OnceAsync(caseId, caller, action, subject, ct));

    private async Task<T> OnceAsync<T>(Guid caseId, Caller caller, Func<HandlingCase, Context, Task<T>> action, string subject, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM cases WHERE \"Id\" = {caseId} FOR UPDATE", ct);
        var c = await db.Cases.Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !Visible(c, caller)) throw new NotFoundException(subject);
        var limits = await reference.LimitsAsync(db, c, ct);
        var result = await action(c, new Context(db, limits, clock.GetUtcNow().ToUniversalTime(), caller, deadlines));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// The case locked inside a transaction someone else holds (a consumer's inbox), with what an action needs; null if
    /// Assignment has no such case.
    /// </summary>
    public async Task<(HandlingCase Case, Context Context)?> LockedAsync(Guid caseId, Caller actor, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM cases WHERE \"Id\" = {caseId} FOR UPDATE", ct);
        var c = await db.Cases.Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return null;
        var limits = await reference.LimitsAsync(db, c, ct);
        return (c, new Context(db, limits, clock.GetUtcNow().ToUniversalTime(), actor, deadlines));
    }

    /// <summary>A unit acts on its own hand-over only; the bureau on any in its jurisdiction.</summary>
    public async Task<T> OnAssignmentAsync<T>(Guid assignmentId, Caller caller, Func<HandlingCase, AssignmentEntity, Context, Task<T>> action,
        CancellationToken ct)
    {
        var caseId = await db.Assignments.AsNoTracking().Where(a => a.Id == assignmentId).Select(a => (Guid?)a.CaseId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("assignment");
        return await OnCaseAsync(caseId, caller, (c, ctx) =>
        {
            var assignment = c.Assignments.Single(a => a.Id == assignmentId);
            if (caller.Is(Roles.Department) && !c.HeldBy(caller.Unit).Contains(assignment)) throw new NotFoundException("assignment");
            return action(c, assignment, ctx);
        }, ct, subject: "assignment");
    }

    /// <summary>A department sees a case while it holds a hand-over of it; everyone else by jurisdiction (roles are checked by the action).</summary>
    public static bool Visible(HandlingCase c, Caller caller) => caller.Is(Roles.Department) ? c.IsHeldBy(caller.Unit) : caller.Covers(c.RegionCode);

    /// <summary>What an action needs: the unit of work, the case's time limits, now, and who acts.</summary>
    public sealed record Context(AssignmentDb Db, CaseTimeLimits Limits, DateTimeOffset Now, Caller Caller, IDeadlineHandler<AssignmentDb> Deadlines)
    {
        public RuleSet Rules => Limits.Rules;

        public async Task MeetAsync(Guid caseId, Guid? assignmentId, params string[] steps)
        {
            var open = await Db.Deadlines.Where(d => d.CaseId == caseId && d.MetAt == null && steps.Contains(d.Step)
                && (assignmentId == null || d.AssignmentId == assignmentId)).ToListAsync();
            foreach (var d in open) Deadlines.Meet(Db, d, Now);
        }

        public async Task MeetAllOfAsync(Guid assignmentId)
        {
            foreach (var d in await Db.Deadlines.Where(d => d.AssignmentId == assignmentId && d.MetAt == null).ToListAsync()) Deadlines.Meet(Db, d, Now);
        }

        /// <summary>An approved extension moves the limit; one that had passed is no longer overdue.</summary>
        public void MoveDue(Deadline d, DateTimeOffset dueAt) => Deadlines.MoveDue(Db, d, dueAt, Limits.Ladder, Limits.Calendar, Now);

        public void Start(HandlingCase c, Guid? assignmentId, string step, string unit, DateTimeOffset dueAt) =>
            Db.Deadlines.Add(Deadline.Start(c.Id, assignmentId, step, unit, Now, dueAt, Limits.Ladder, Limits.Calendar, isTimer: step == DeadlineSteps.ReviewWindow,
                term: Limits.TermOf(step)));

        public Task<Deadline?> OpenAsync(Guid caseId, string step) =>
            Db.Deadlines.FirstOrDefaultAsync(d => d.CaseId == caseId && d.Step == step && d.MetAt == null);
    }
}
