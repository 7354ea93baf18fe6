using Coordination.Contracts.Assignment;
using Coordination.Grpc.Reporting;
using Coordination.Reporting.Persistence;
using Coordination.Reporting.Workflow;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ReportingApi = Coordination.Grpc.Reporting.ReportingService;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Reporting.Api;

public sealed partial class ReportingGrpcService(ReportingDb db, Statistics statistics, Registers registers, LiveDashboards live,
    ReadModelRebuilds rebuilds, NotificationStream notifications, SuggestionReport suggestions) : ReportingApi.ReportingServiceBase
{
    public override async Task<GetCaseTimelineResponse> GetCaseTimeline(GetCaseTimelineRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader, Roles.Clerk);
        var errors = new FieldErrors();
        var caseId = errors.RequireGuid(request.CaseId, "case_id");
        errors.ThrowIfAny();
        var ct = context.CancellationToken;
        var scope = await db.CaseScopes.AsNoTracking().FirstOrDefaultAsync(c => c.CaseId == caseId, ct);
        if (scope is null || !caller.Covers(scope.RegionCode)) throw new NotFoundException("case");
        var entries = await db.Timeline.AsNoTracking().Where(t => t.CaseId == caseId)
            .OrderBy(t => t.OccurredAt).ThenBy(t => t.MessageId).ToListAsync(ct); // ties: publish order (sequential ids), live and rebuilt alike
        return new GetCaseTimelineResponse
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

    public override async Task<GetBeijingBulletinResponse> GetBeijingBulletin(GetBeijingBulletinRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .Check(ReportPeriods.IsMonth(request.Month), "month", "must be yyyy-MM")
            .CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        return await statistics.BulletinAsync(request.Month, Scope(caller, request.RegionCode), context.CancellationToken);
    }

    public override async Task<GetRatesResponse> GetRates(GetRatesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .Check(request.RegisteredFrom is not null, "registered_from", "is required")
            .Check(request.RegisteredTo is not null, "registered_to", "is required")
            .CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        return await statistics.RatesAsync(request.RegisteredFrom!.ToDateTimeOffset(), request.RegisteredTo!.ToDateTimeOffset(), Scope(caller, request.RegionCode),
            context.CancellationToken);
    }

    /// <summary>The whole system's read models: an administrator's operation, started in the background (GetReadModelRebuild follows it).</summary>
    public override Task<RebuildReadModelsResponse> RebuildReadModels(RebuildReadModelsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Administrator);
        return Task.FromResult(new RebuildReadModelsResponse { Rebuild = View(rebuilds.Start(caller.Subject)) });
    }

    public override Task<GetReadModelRebuildResponse> GetReadModelRebuild(GetReadModelRebuildRequest request, ServerCallContext context)
    {
        Caller.From(context).Require(Roles.Administrator);
        var id = FieldErrors.ValidId(request.RebuildId, "rebuild_id", _ => { });
        var rebuild = rebuilds.Find(id) ?? throw new NotFoundException("rebuild");
        return Task.FromResult(new GetReadModelRebuildResponse { Rebuild = View(rebuild) });
    }

    private static Rebuild View(RebuildProgress r) => new()
    {
        RebuildId = r.Id.ToString(), State = r.State, EventsTotal = r.Total, EventsReplayed = r.ReplayedCount, StartedAt = Timestamp.FromDateTimeOffset(r.StartedAt),
        FinishedAt = r.FinishedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null, Error = r.Error, RequestedBy = r.RequestedBy,
    };

    /// <summary>
    /// Sends the warnings raised since `since`, then polls for new ones until the caller hangs up. Polling the table
    /// (not an in-process event) means every replica's warnings reach every watcher.
    /// </summary>
    public override async Task WatchEarlyWarnings(WatchEarlyWarningsRequest request, IServerStreamWriter<WatchEarlyWarningsResponse> stream,
        ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader, Roles.Committee);
        new FieldErrors().CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        var prefix = Jurisdiction.Prefix(Scope(caller, request.RegionCode)); // Scope is a covered division code, never empty
        var since = request.Since?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow;
        var sent = new HashSet<Guid>();
        var ct = context.CancellationToken;
        while (!ct.IsCancellationRequested)
        {
            var fresh = await db.EarlyWarnings.AsNoTracking()
                .Where(w => w.RegionCode.StartsWith(prefix) && w.RaisedAt >= since).OrderBy(w => w.RaisedAt).Take(500).ToListAsync(ct);
            foreach (var w in fresh.Where(w => sent.Add(w.Id)))
                await stream.WriteAsync(new WatchEarlyWarningsResponse
                {
                    Warning = new EarlyWarning
                    {
                        WarningId = w.Id.ToString(), Kind = w.Kind, RegionCode = w.RegionCode, Subject = w.Subject, Evidence = w.Evidence,
                        CaseId = w.CaseId?.ToString() ?? "", RaisedAt = Timestamp.FromDateTimeOffset(w.RaisedAt),
                    },
                }, ct);
            await Task.Delay(250, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>What the caller's unit is told (and a committee's legal cases), from `since`, then live (NotificationStream).</summary>
    public override async Task WatchNotifications(WatchNotificationsRequest request, IServerStreamWriter<WatchNotificationsResponse> stream,
        ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Department, Roles.Institution, Roles.Leader, Roles.Committee);
        var now = DateTimeOffset.UtcNow;
        var since = request.Since is { } asked ? asked.ToDateTimeOffset() : now;
        new FieldErrors().Check(request.Since is null || (since >= now - NotificationStream.Backlog && since <= now.AddDays(1)), "since",
            $"must be within the last {NotificationStream.Backlog.Days} days").ThrowIfAny();
        // The headers tell the client the stream is open: everything from `since` (taken above) will reach it.
        await context.WriteResponseHeadersAsync(new Metadata());
        await notifications.WatchAsync(caller, since, stream, context.CancellationToken);
    }

    public override async Task<GetReceptionComplianceResponse> GetReceptionCompliance(GetReceptionComplianceRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .Check(ReportPeriods.IsMonth(request.Month), "month", "must be yyyy-MM")
            .CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        return await statistics.ReceptionComplianceAsync(request.Month, Scope(caller, request.RegionCode), context.CancellationToken);
    }

    public override async Task<GetUnitPerformanceResponse> GetUnitPerformance(GetUnitPerformanceRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .Check(request.RegisteredFrom is not null, "registered_from", "is required")
            .Check(request.RegisteredTo is not null, "registered_to", "is required")
            .CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        return await statistics.UnitPerformanceAsync(request.RegisteredFrom!.ToDateTimeOffset(), request.RegisteredTo!.ToDateTimeOffset(),
            Scope(caller, request.RegionCode), context.CancellationToken);
    }

    public override async Task<GetKeyManagedCountiesResponse> GetKeyManagedCounties(GetKeyManagedCountiesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .Check(ReportPeriods.IsMonth(request.AsOfMonth), "as_of_month", "must be yyyy-MM")
            .CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        return await statistics.KeyManagedCountiesAsync(request.AsOfMonth, Scope(caller, request.RegionCode), context.CancellationToken);
    }

    public override async Task<GetJointMeetingReportResponse> GetJointMeetingReport(GetJointMeetingReportRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors().CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        return await statistics.MeetingReportAsync(Scope(caller, request.RegionCode), request.AsOf?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow,
            context.CancellationToken);
    }

    public override async Task<GetOverdueListResponse> GetOverdueList(GetOverdueListRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .CheckOptionalRegion(request.RegionCode)
            .Check(request.UnitCode.Length <= 64, "unit_code", "must be at most 64 characters").ThrowIfAny();
        return await registers.OverdueAsync(Scope(caller, request.RegionCode), request.UnitCode, request.AsOf?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow,
            context.CancellationToken);
    }

    public override async Task<GetLegalCasesResponse> GetLegalCases(GetLegalCasesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Committee, Roles.Bureau, Roles.Leader);
        new FieldErrors().CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        return await registers.LegalCasesAsync(Scope(caller, request.RegionCode), request.AsOf?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow, context.CancellationToken);
    }

    public override async Task<GetScreeningRegisterResponse> GetScreeningRegister(GetScreeningRegisterRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .Check(ReportPeriods.TryQuarter(request.Quarter, out var year, out var quarter), "quarter", "must be yyyy-Qn, e.g. 2026-Q3")
            .CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        return await registers.ScreeningAsync(year, quarter, Scope(caller, request.RegionCode), context.CancellationToken);
    }

    public override async Task<GetLiveDashboardResponse> GetLiveDashboard(GetLiveDashboardRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        DateOnly day = default;
        new FieldErrors()
            .Check(request.Day.Length == 0 || DateOnly.TryParseExact(request.Day, "yyyy-MM-dd", out day), "day", "must be yyyy-MM-dd")
            .CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        if (request.Day.Length == 0) day = ServiceDefaults.Time.WorkingDays.DayOf(DateTimeOffset.UtcNow);
        return await live.DashboardAsync(Scope(caller, request.RegionCode), day, context.CancellationToken);
    }

    public override async Task<GetMajorEventReportResponse> GetMajorEventReport(GetMajorEventReportRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        new FieldErrors()
            .Check(ReportPeriods.IsMonth(request.Month), "month", "must be yyyy-MM")
            .CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        var prefix = Jurisdiction.Prefix(Scope(caller, request.RegionCode));
        var facts = await db.MajorEventFacts.AsNoTracking().Where(m => m.Month == request.Month && m.RegionCode.StartsWith(prefix)).ToListAsync(context.CancellationToken);
        return new GetMajorEventReportResponse
        {
            Month = request.Month,
            Regions =
            {
                facts.GroupBy(m => m.RegionCode).OrderBy(g => g.Key).Select(g => new MajorEventRegionRow
                {
                    RegionCode = g.Key, Opened = g.Count(), CollectiveVisits = g.Count(m => m.Kind == MajorEventKinds.CollectiveVisit),
                    ToBeijing = g.Count(m => m.Kind == MajorEventKinds.ToBeijing), ToProvincialCapital = g.Count(m => m.Kind == MajorEventKinds.ToProvincialCapital),
                    SuddenIncidents = g.Count(m => m.Kind == MajorEventKinds.SuddenIncident), ReportedLate = g.Count(m => m.ReportedLate),
                    NotReported = g.Count(m => m.FirstReportedAt == null), FollowUps = g.Sum(m => m.FollowUps), Dispatches = g.Sum(m => m.Dispatches),
                    DispatchesReturned = g.Sum(m => m.DispatchesReturned), DispatchesNotReturned = g.Sum(m => m.DispatchesNotReturned),
                    PetitionersReturned = g.Sum(m => m.PetitionersReturned), Closed = g.Count(m => m.ClosedAt != null),
                }),
            },
        };
    }

    /// <summary>Each user sees reports for their own jurisdiction only.</summary>
    private static string Scope(Caller caller, string requested) => caller.ReadableRegion(requested)
        ?? throw new RpcException(new Status(StatusCode.PermissionDenied, $"{requested} is outside your jurisdiction {caller.Region}"));
}
