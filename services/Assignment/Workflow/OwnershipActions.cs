using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Rules;
using Coordination.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// Case ownership (包案, §12, ADR 27): the signed-in leader owns a long-standing petitioner's case and records its progress;
/// each note is due some working days after the last, and a late one climbs the deadline ladder like any limit.
/// </summary>
public sealed class OwnershipActions(CaseUnitOfWork work, AssignmentDb db)
{
    /// <summary>Under the leader's own name and title (their token): a typed name owns nothing. <paramref name="every"/> 0 takes the rule set's.</summary>
    public Task<CaseOwnership> TakeAsync(Guid caseId, string plan, IReadOnlyList<string> jointUnits, int every, Caller leader, CancellationToken ct) =>
        work.OnCaseAsync(caseId, leader.Require(Roles.Leader), async (c, ctx) =>
        {
            if (await ctx.Db.Ownerships.AnyAsync(o => o.CaseId == c.Id, ct))
                throw new DomainRuleException("CaseAlreadyOwned", $"case {c.CaseNumber} already has its owning leader");
            var interval = every == 0 ? ctx.Rules.OwnershipProgressWorkingDays : every;
            var name = leader.LeaderTitle is { Length: > 0 } title ? $"{leader.Name}（{title}）" : leader.Name;
            var ownership = CaseOwnership.Take(NewId.NextSequentialGuid(), c, leader.Subject, name, leader.Unit, plan, jointUnits, interval, ctx.Now,
                ctx.Limits.NextProgressBy(ctx.Now, interval));
            ctx.Db.Ownerships.Add(ownership);
            StartProgressLimit(ctx, ownership);
            ctx.Db.Publish(new CaseOwnershipTaken
            {
                CaseId = c.Id, OwnershipId = ownership.Id, Leader = leader.Subject, LeaderName = name, LeaderUnit = leader.Unit, Plan = plan,
                JointUnits = [.. jointUnits], ProgressEveryWorkingDays = interval, NextProgressDueAt = ownership.NextProgressDueAt, OccurredAt = ctx.Now,
            }, c.Id);
            return ownership;
        }, ct);

    /// <summary>The owning leader only; anyone else finds no such file.</summary>
    public async Task<CaseOwnership> RecordProgressAsync(Guid ownershipId, string note, Caller leader, CancellationToken ct)
    {
        leader.Require(Roles.Leader);
        var caseId = await db.Ownerships.AsNoTracking().Where(o => o.Id == ownershipId && o.Leader == leader.Subject).Select(o => (Guid?)o.CaseId)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("ownership");
        return await work.OnCaseAsync(caseId, leader, async (c, ctx) =>
        {
            var ownership = await ctx.Db.Ownerships.FirstAsync(o => o.Id == ownershipId, ct);
            ownership.RecordProgress(note, ctx.Now, ctx.Limits.NextProgressBy(ctx.Now, ownership.ProgressEveryWorkingDays));
            await ctx.MeetAsync(c.Id, ownership.Id, DeadlineSteps.OwnershipProgress); // late or not, this note is in
            StartProgressLimit(ctx, ownership);
            ctx.Db.OwnershipNotes.Add(new OwnershipNote { Id = NewId.NextSequentialGuid(), OwnershipId = ownership.Id, Note = note, RecordedBy = leader.Subject, RecordedAt = ctx.Now });
            ctx.Db.Publish(new OwnershipProgressRecorded
            {
                CaseId = c.Id, OwnershipId = ownership.Id, Note = note, Actor = leader.Subject, ActorUnit = leader.Unit,
                NextProgressDueAt = ownership.NextProgressDueAt, OccurredAt = ctx.Now,
            }, c.Id);
            return ownership;
        }, ct, subject: "ownership");
    }

    /// <summary>The next note's limit, owed by the leader's unit; counted again on the new calendar if it changes (ADR 19).</summary>
    private static void StartProgressLimit(CaseUnitOfWork.Context ctx, CaseOwnership o) =>
        ctx.Db.Deadlines.Add(Deadline.Start(o.CaseId, o.Id, DeadlineSteps.OwnershipProgress, o.LeaderUnit, ctx.Now, o.NextProgressDueAt, ctx.Limits.Ladder,
            ctx.Limits.Calendar, term: DeadlineTerm.Working(o.ProgressEveryWorkingDays)));
}
