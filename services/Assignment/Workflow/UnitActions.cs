using Coordination.Assignment.Domain;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Attachments;
using Coordination.ServiceDefaults.Auth;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;

using Grpc.Core;

namespace Coordination.Assignment.Workflow;

/// <summary>What a receiving unit does with its own hand-over.</summary>
public sealed class UnitActions(CaseUnitOfWork work, IAttachmentStore files)
{
    /// <summary>Evidence for the reply (回复证据) on the unit's own hand-over: the description and the bytes in one commit.</summary>
    public Task<StoredAttachment> AttachReplyEvidenceAsync(ReceivedFile file, Caller unit, CancellationToken ct) =>
        work.OnAssignmentAsync(file.SubjectId, unit.Require(Roles.Department), (c, a, ctx) =>
        {
            var stored = new StoredAttachment
            {
                Id = Guid.CreateVersion7(), Kind = AttachmentKinds.ReplyEvidence, SubjectId = a.Id, CaseId = c.Id, FileName = file.FileName,
                ContentType = file.ContentType, Size = file.Bytes.Length, Sha256 = file.Sha256, UploadedBy = unit.Subject, UploadedUnit = unit.Unit,
                UploadedAt = ctx.Now,
            };
            ctx.Db.Attachments.Add(stored);
            files.Put(stored.Id, file.Bytes);
            return Task.FromResult(stored);
        }, ct);

    public Task<AssignmentEntity> AcknowledgeAsync(Guid assignmentId, Caller unit, CancellationToken ct) =>
        work.OnAssignmentAsync(assignmentId, unit.Require(Roles.Department), async (c, a, ctx) =>
        {
            a.Acknowledge(unit.Subject, ctx.Now);
            await ctx.MeetAsync(c.Id, a.Id, DeadlineSteps.Acknowledge);
            ctx.Db.Publish(new AssignmentAcknowledged { CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = unit.Subject, ActorUnit = unit.Unit, OccurredAt = ctx.Now }, c.Id);
            return a;
        }, ct);

    public Task<AssignmentEntity> NotifyAcceptedAsync(Guid assignmentId, Caller unit, CancellationToken ct) =>
        work.OnAssignmentAsync(assignmentId, unit.Require(Roles.Department), async (c, a, ctx) =>
        {
            a.NotifyAccepted(ctx.Now, ctx.Limits.HandlingBy(ctx.Now));
            await ctx.MeetAsync(c.Id, a.Id, DeadlineSteps.AcceptNotice);
            if (a.HandlingDueAt is { } due) ctx.Start(c, a.Id, DeadlineSteps.Handling, a.UnitCode, due);
            ctx.Db.Publish(new AssignmentAccepted
            {
                CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = unit.Subject, ActorUnit = unit.Unit, HandlingDueAt = a.HandlingDueAt, OccurredAt = ctx.Now,
            }, c.Id);
            return a;
        }, ct);

    public Task<AssignmentEntity> RequestReturnAsync(Guid assignmentId, string reasons, Caller unit, CancellationToken ct) =>
        work.OnAssignmentAsync(assignmentId, unit.Require(Roles.Department), (c, a, ctx) =>
        {
            a.RequestReturn(reasons, ctx.Now, c.ReturnCount, ctx.Rules.ReturnCap);
            ctx.Db.Publish(new AssignmentReturnRequested
            {
                CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = unit.Subject, ActorUnit = unit.Unit, Reasons = a.ReturnReasons!, OccurredAt = ctx.Now,
            }, c.Id);
            return Task.FromResult(a);
        }, ct);

    public Task<AssignmentEntity> RequestExtensionAsync(Guid assignmentId, int days, string reason, Caller unit, CancellationToken ct) =>
        work.OnAssignmentAsync(assignmentId, unit.Require(Roles.Department), (c, a, ctx) =>
        {
            a.RequestExtension(days, reason, ctx.Rules.MaxExtensionDays);
            ctx.Db.Publish(new ExtensionRequested
            {
                CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = unit.Subject, ActorUnit = unit.Unit, Days = days, Reason = a.ExtensionReason!, OccurredAt = ctx.Now,
            }, c.Id);
            return Task.FromResult(a);
        }, ct);

    public Task<AssignmentEntity> SubmitReportAsync(Guid assignmentId, string outcome, string answer, Caller unit, CancellationToken ct) =>
        work.OnAssignmentAsync(assignmentId, unit.Require(Roles.Department), async (c, a, ctx) =>
        {
            a.SubmitReport(outcome, answer, needsSignOff: c.LeaderInstructed);
            await ctx.MeetAsync(c.Id, a.Id, DeadlineSteps.Handling, DeadlineSteps.Rehandling);
            ctx.Db.Publish(new CompletionReportSubmitted
            {
                CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = unit.Subject, ActorUnit = unit.Unit, Outcome = outcome,
                AwaitingSignOff = a.Status == AssignmentStatus.ReportAwaitingSignOff, OccurredAt = ctx.Now,
            }, c.Id);
            return a;
        }, ct);

    /// <summary>A leader of the assignment's own unit signs the report off, under their own name and title (§10).</summary>
    public Task<AssignmentEntity> SignOffAsync(Guid assignmentId, Caller unit, CancellationToken ct) =>
        work.OnAssignmentAsync(assignmentId, unit.Require(Roles.Leader), (c, a, ctx) =>
        {
            if (a.UnitCode != unit.Unit)
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"only a leader of {a.UnitCode} signs its reports off"));
            a.SignOff(unit.LeaderTitle is { Length: > 0 } title ? $"{unit.Name}（{title}）" : unit.Name);
            ctx.Db.Publish(new ReportSignedOff
            {
                CaseId = c.Id, AssignmentId = a.Id, UnitCode = a.UnitCode, Actor = unit.Subject, ActorUnit = unit.Unit, Leader = a.SignedOffBy!, OccurredAt = ctx.Now,
            }, c.Id);
            return Task.FromResult(a);
        }, ct);
}
