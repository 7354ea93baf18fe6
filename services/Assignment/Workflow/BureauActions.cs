using Coordination.Assignment.Domain;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Assignment.Workflow;

/// <summary>What the petition bureau decides: routing by hand, returns, extensions, report review, the reply.</summary>
public sealed class BureauActions(CaseUnitOfWork work, CaseRouter router)
{
    public Task<HandlingCase> RouteAsync(Guid caseId, string unit, string kind, Caller bureau, CancellationToken ct) =>
        work.OnCaseAsync(caseId, bureau.Require(Roles.Bureau), async (c, ctx) =>
        {
            if (c.Status != CaseStatus.AwaitingManualRouting)
                throw new DomainRuleException("NotInTheBureauQueue", $"case {c.CaseNumber} is {c.Status}");
            await router.HandOverAsync(ctx.Db, c, unit, kind, bureau.Unit, ct);
            ctx.Db.Publish(new CaseRouted { CaseId = c.Id, UnitCode = unit, Kind = kind, Actor = bureau.Subject, ActorUnit = bureau.Unit, OccurredAt = ctx.Now }, c.Id);
            return c;
        }, ct);

    /// <summary>Approved: the hand-over ends and counts against its router; the case goes to the new unit or the queue.</summary>
    public Task<AssignmentEntity> DecideReturnAsync(Guid assignmentId, bool approve, string reason, string? newUnit, Caller bureau, CancellationToken ct) =>
        work.OnAssignmentAsync(assignmentId, bureau.Require(Roles.Bureau), async (c, a, ctx) =>
        {
            if (!approve)
            {
                a.RejectReturn();
                ctx.Db.Publish(new AssignmentReturnRejected { CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = bureau.Subject, ActorUnit = bureau.Unit, Reason = reason, OccurredAt = ctx.Now }, c.Id);
                return a;
            }
            if (newUnit == a.UnitCode) throw new DomainRuleException("ReturnToSameUnit", "a returned case goes to another unit");
            if (newUnit is not null) c.RequireNotAccused(newUnit);
            a.ApproveReturn();
            c.CountReturn();
            await ctx.MeetAllOfAsync(a.Id);
            ctx.Db.Publish(new AssignmentReturned
            {
                CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, RoutedBy = a.RoutedBy, Actor = bureau.Subject, ActorUnit = bureau.Unit, Reason = reason, OccurredAt = ctx.Now,
            }, c.Id);
            if (newUnit is null) router.QueueForManualRouting(ctx.Db, c);
            else await router.HandOverAsync(ctx.Db, c, newUnit, a.Kind, bureau.Unit, ct);
            return a;
        }, ct);

    public Task<AssignmentEntity> DecideExtensionAsync(Guid assignmentId, bool approve, string reason, Caller bureau, CancellationToken ct) =>
        work.OnAssignmentAsync(assignmentId, bureau.Require(Roles.Bureau), async (c, a, ctx) =>
        {
            if (!approve)
            {
                a.RefuseExtension();
                ctx.Db.Publish(new ExtensionRefused { CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = bureau.Subject, ActorUnit = bureau.Unit, Reason = reason, OccurredAt = ctx.Now }, c.Id);
                return a;
            }
            var due = ctx.Limits.Extended(a.HandlingDueAt!.Value, a.ExtensionDays!.Value);
            a.GrantExtension(due);
            var handling = await ctx.OpenAsync(c.Id, DeadlineSteps.Handling);
            if (handling is not null) ctx.MoveDue(handling, due);
            ctx.Db.Publish(new ExtensionGranted
            {
                CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = bureau.Subject, ActorUnit = bureau.Unit, Days = a.ExtensionDays!.Value, HandlingDueAt = due, OccurredAt = ctx.Now,
            }, c.Id);
            return a;
        }, ct);

    public Task<AssignmentEntity> ReviewReportAsync(Guid assignmentId, bool approve, string reasons, Caller bureau, CancellationToken ct) =>
        work.OnAssignmentAsync(assignmentId, bureau.Require(Roles.Bureau), (c, a, ctx) =>
        {
            if (approve)
            {
                a.ApproveReport();
                ctx.Db.Publish(new ReportApproved { CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = bureau.Subject, ActorUnit = bureau.Unit, OccurredAt = ctx.Now }, c.Id);
            }
            else
            {
                a.SendBack(reasons);
                ctx.Start(c, a.Id, DeadlineSteps.Rehandling, a.UnitCode, ctx.Limits.RehandlingBy(ctx.Now));
                ctx.Db.Publish(new ReportSentBack
                {
                    CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = bureau.Subject, ActorUnit = bureau.Unit, Reasons = a.SendBackReasons!, SendBackCount = a.SendBackCount,
                    OccurredAt = ctx.Now,
                }, c.Id);
            }
            return Task.FromResult(a);
        }, ct);

    /// <summary>The approved answer goes to the petitioner; the case closes when the review window passes unused.</summary>
    public Task<HandlingCase> SendReplyAsync(Guid caseId, Caller bureau, CancellationToken ct) =>
        work.OnCaseAsync(caseId, bureau.Require(Roles.Bureau), (c, ctx) =>
        {
            var approved = c.Assignments.Where(a => a.Status == AssignmentStatus.Approved).OrderByDescending(a => a.AssignedAt).FirstOrDefault()
                ?? throw new DomainRuleException("ReplyNeedsApprovedReport", "no approved report to send");
            var windowEnds = ctx.Limits.ReviewWindowEnds(ctx.Now);
            c.Reply(approved, ctx.Now, windowEnds);
            ctx.Start(c, null, DeadlineSteps.ReviewWindow, bureau.Unit, windowEnds);
            ctx.Db.Publish(new ReplySubmitted { CaseId = c.Id, Outcome = c.Outcome!, Answer = c.Answer, Actor = bureau.Subject, ActorUnit = bureau.Unit, ReviewWindowEndsAt = windowEnds, OccurredAt = ctx.Now }, c.Id);
            return Task.FromResult(c);
        }, ct);

    public Task<HandlingCase> AssignResponsibilityAsync(Guid caseId, string unit, string group, string leader, string person, Caller bureau,
        CancellationToken ct) =>
        work.OnCaseAsync(caseId, bureau.Require(Roles.Bureau), (c, ctx) =>
        {
            c.AssignResponsibility(unit, group, leader, person);
            ctx.Db.Publish(new ResponsibilityAssigned
            {
                CaseId = c.Id, Unit = unit, Group = group, Leader = leader, Person = person, Actor = bureau.Subject, ActorUnit = bureau.Unit, OccurredAt = ctx.Now,
            }, c.Id);
            return Task.FromResult(c);
        }, ct);
}
