using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.Grpc.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;

namespace Coordination.Assignment.Api;

public sealed class AssignmentGrpcService(AssignmentDb db, TimeProvider clock) : AssignmentApi.AssignmentApiBase
{
    private const int DefaultPageSize = 50, MaxPageSize = 500;

    public override async Task<ListAssignmentsReply> ListAssignments(ListAssignmentsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Department);
        new FieldErrors().Check(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be 0 to {MaxPageSize}").ThrowIfAny();
        var query = db.Assignments.AsNoTracking().Where(a => a.UnitCode == caller.Unit);
        if (request.PendingOnly) query = query.Where(a => a.Status == AssignmentEntity.Pending);
        var rows = await query
            .OrderByDescending(a => a.AssignedAt)
            .Take(request.PageSize == 0 ? DefaultPageSize : request.PageSize)
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { a, c.CaseNumber })
            .ToListAsync(context.CancellationToken);
        return new ListAssignmentsReply { Assignments = { rows.Select(r => ToView(r.a, r.CaseNumber)) } };
    }

    public override async Task<AssignmentView> AcknowledgeAssignment(AcknowledgeAssignmentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Department);
        var errors = new FieldErrors();
        var id = errors.RequireGuid(request.AssignmentId, "assignment_id");
        errors.ThrowIfAny();
        var ct = context.CancellationToken;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Row lock: two clerks of one unit acknowledging at once get one success and one FailedPrecondition.
        var assignment = await db.Assignments.FromSql($"SELECT * FROM assignments WHERE \"Id\" = {id} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (assignment is null || assignment.UnitCode != caller.Unit) throw new NotFoundException($"assignment {id}");
        var now = clock.GetUtcNow();
        assignment.Acknowledge(caller.Subject, now);
        db.Publish(new AssignmentAcknowledged
        {
            CaseId = assignment.CaseId, AssignmentId = assignment.Id, UnitCode = assignment.UnitCode, Actor = caller.Subject, OccurredAt = now,
        }, assignment.CaseId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var caseNumber = await db.Cases.Where(c => c.Id == assignment.CaseId).Select(c => c.CaseNumber).FirstAsync(ct);
        return ToView(assignment, caseNumber);
    }

    public override async Task<CaseView> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Department, Roles.Leader);
        var errors = new FieldErrors();
        var caseId = errors.RequireGuid(request.CaseId, "case_id");
        errors.ThrowIfAny();
        var c = await db.Cases.AsNoTracking().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == caseId, context.CancellationToken);
        var visible = c is not null && (caller.Is(Roles.Department)
            ? c.Assignments.Any(a => a.UnitCode == caller.Unit)
            : caller.Covers(c.RegionCode));
        if (!visible) throw new NotFoundException($"case {caseId}");
        var assignments = caller.Is(Roles.Department) ? c!.Assignments.Where(a => a.UnitCode == caller.Unit) : c!.Assignments;
        return new CaseView
        {
            CaseId = c.Id.ToString(), CaseNumber = c.CaseNumber, RegionCode = c.RegionCode, Topic = c.Topic, Status = c.Status,
            Assignments = { assignments.OrderBy(a => a.AssignedAt).Select(a => ToView(a, c.CaseNumber)) },
        };
    }

    private static AssignmentView ToView(AssignmentEntity a, string caseNumber)
    {
        var view = new AssignmentView
        {
            AssignmentId = a.Id.ToString(), CaseId = a.CaseId.ToString(), CaseNumber = caseNumber, UnitCode = a.UnitCode, Kind = a.Kind,
            Status = a.Status, AssignedAt = Timestamp.FromDateTimeOffset(a.AssignedAt),
            AcknowledgeDueAt = Timestamp.FromDateTimeOffset(a.AcknowledgeDueAt), AcknowledgedBy = a.AcknowledgedBy ?? "",
        };
        if (a.AcknowledgedAt is { } at) view.AcknowledgedAt = Timestamp.FromDateTimeOffset(at);
        return view;
    }
}
