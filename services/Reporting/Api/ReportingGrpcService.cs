using Coordination.Grpc.Reporting;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Api;

public sealed class ReportingGrpcService(ReportingDb db, Statistics statistics) : ReportingApi.ReportingApiBase
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

    public override async Task<BeijingBulletin> GetBeijingBulletin(BeijingBulletinRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .Check(DateOnly.TryParseExact(request.Month + "-01", "yyyy-MM-dd", out _), "month", "must be yyyy-MM")
            .Check(request.RegionCode.Length == 0 || Jurisdiction.IsRegionCode(request.RegionCode), "region_code", "must be a 6-digit code").ThrowIfAny();
        return await statistics.BulletinAsync(request.Month, Scope(caller, request.RegionCode), context.CancellationToken);
    }

    public override async Task<Rates> GetRates(RatesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .Check(request.RegisteredFrom is not null, "registered_from", "is required")
            .Check(request.RegisteredTo is not null, "registered_to", "is required")
            .Check(request.RegionCode.Length == 0 || Jurisdiction.IsRegionCode(request.RegionCode), "region_code", "must be a 6-digit code").ThrowIfAny();
        return await statistics.RatesAsync(request.RegisteredFrom!.ToDateTimeOffset(), request.RegisteredTo!.ToDateTimeOffset(), Scope(caller, request.RegionCode),
            context.CancellationToken);
    }

    public override async Task<RebuildReply> RebuildReadModels(RebuildRequest request, ServerCallContext context)
    {
        Caller.From(context).Require(Roles.Bureau);
        return new RebuildReply { EventsReplayed = await statistics.RebuildAsync(context.CancellationToken) };
    }

    /// <summary>Each user sees reports for their own jurisdiction only.</summary>
    private static string Scope(Caller caller, string requested)
    {
        var region = requested.Length == 0 ? caller.Region : requested;
        if (!caller.Covers(region)) throw new RpcException(new Status(StatusCode.PermissionDenied, $"{region} is outside your jurisdiction {caller.Region}"));
        return region;
    }
}
