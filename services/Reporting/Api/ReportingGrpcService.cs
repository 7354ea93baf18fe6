using Coordination.Grpc.Reporting;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Api;

public sealed class ReportingGrpcService(ReportingDb db) : ReportingApi.ReportingApiBase
{
    public override async Task<CaseTimeline> GetCaseTimeline(GetCaseTimelineRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader, Roles.Clerk);
        var errors = new FieldErrors();
        var caseId = errors.RequireGuid(request.CaseId, "case_id");
        errors.ThrowIfAny();
        var ct = context.CancellationToken;
        var scope = await db.CaseScopes.AsNoTracking().FirstOrDefaultAsync(c => c.CaseId == caseId, ct);
        if (scope is null || !caller.Covers(scope.RegionCode)) throw new NotFoundException($"case {caseId}");
        var entries = await db.Timeline.AsNoTracking().Where(t => t.CaseId == caseId)
            .OrderBy(t => t.OccurredAt).ThenBy(t => t.Id).ToListAsync(ct);
        return new CaseTimeline
        {
            CaseId = scope.CaseId.ToString(),
            CaseNumber = scope.CaseNumber,
            Entries =
            {
                entries.Select(t => new TimelineEntry
                {
                    Kind = t.Kind, OccurredAt = Timestamp.FromDateTimeOffset(t.OccurredAt), Service = t.Service, Actor = t.Actor, Unit = t.Unit,
                    Detail = t.Detail,
                }),
            },
        };
    }
}
