using System.Globalization;
using Coordination.Assignment.Persistence;
using Coordination.Assignment.Workflow;
using Coordination.Contracts;
using Coordination.Contracts.Assignment;
using Coordination.Grpc.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Rules;
using Grpc.Core;
using static Coordination.Assignment.Api.AccountabilityViews;

namespace Coordination.Assignment.Api;

/// <summary>Accountability files (§5, §9): the bureau decides those of its jurisdiction, leaders read; the administrator keeps the rules.</summary>
public sealed class AccountabilityGrpcService(AccountabilityActions actions, AccountabilityQueries queries) : AccountabilityService.AccountabilityServiceBase
{
    private static readonly PageTokens FilePages = new("assignment.ListAccountabilityFiles", PagePart.Time, PagePart.Id);
    private static readonly TimeSpan Nanjing = TimeSpan.FromHours(8);

    public override async Task<ListAccountabilityFilesResponse> ListAccountabilityFiles(ListAccountabilityFilesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        var errors = new FieldErrors().CheckOptionalRegion(request.RegionCode);
        var page = FilePages.Read(errors, request.PageSize, request.PageToken, query: $"{request.RegionCode}|{request.UndecidedOnly}");
        errors.ThrowIfAny();
        var rows = await queries.FilesAsync(Scope(caller, request.RegionCode), request.UndecidedOnly, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = FilePages.Page(rows, page, f => PageKey.Of(f.OpenedAt, f.Id));
        return new ListAccountabilityFilesResponse { Files = { items.Select(ToView) }, NextPageToken = next };
    }

    public override async Task<GetAccountabilityFileResponse> GetAccountabilityFile(GetAccountabilityFileRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        var id = FieldErrors.ValidId(request.FileId, "file_id");
        var f = await queries.FileAsync(id, context.CancellationToken);
        if (f is null || !caller.Covers(f.RegionCode)) throw new NotFoundException("accountability_file");
        return new() { File = ToView(f) };
    }

    public override async Task<DecideAccountabilityResponse> DecideAccountability(DecideAccountabilityRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.RequireGuid(request.FileId, "file_id");
        errors.Check(AccountabilityWords.Decisions.Contains(request.Decision), "decision", "must be criticism, circulated_notice or discipline_referral");
        var reasons = errors.Text(request.Reasons, "reasons", FieldLimits.AccountabilityReasons);
        errors.ThrowIfAny();
        return new() { File = ToView(await actions.DecideAsync(id, request.Decision, reasons, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<GetAccountabilityRegisterResponse> GetAccountabilityRegister(GetAccountabilityRegisterRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        var month = default(DateTime);
        new FieldErrors()
            .Check(DateTime.TryParseExact(request.Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month) && month.Year is >= 2000 and <= 2100,
                "month", "must be yyyy-MM")
            .CheckOptionalRegion(request.RegionCode).ThrowIfAny();
        var from = new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, Nanjing);
        var rows = await queries.RegisterAsync(Scope(caller, request.RegionCode), from, from.AddMonths(1), context.CancellationToken);
        return new()
        {
            Month = request.Month,
            Rows =
            {
                rows.Select(r => new AccountabilityRegisterRow
                {
                    Unit = r.Unit, Opened = r.Opened, Undecided = r.Undecided, Criticism = r.Criticism, CirculatedNotice = r.Notice, DisciplineReferral = r.Referral,
                }),
            },
        };
    }

    public override async Task<ListAccountabilityRulesResponse> ListAccountabilityRules(ListAccountabilityRulesRequest request, ServerCallContext context)
    {
        Caller.From(context).Require(Roles.Bureau, Roles.Administrator);
        return new() { Rules = { (await queries.RulesAsync(context.CancellationToken)).Select(ToView) } };
    }

    public override async Task<SaveAccountabilityRuleResponse> SaveAccountabilityRule(SaveAccountabilityRuleRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Administrator);
        var rule = request.Rule ?? new AccountabilityRuleView();
        var errors = new FieldErrors()
            .Check(AccountabilityWords.Rules.Contains(rule.Kind), "rule.kind", "must be one of " + string.Join(", ", AccountabilityWords.Rules))
            .Check(rule.WorkingDays is >= 0 and <= 60, "rule.working_days", "must be 0 to 60");
        errors.Check(rule.Kind == AccountabilityWords.OverdueAfterSupervision || rule.WorkingDays == 0, "rule.working_days", "only overdue_after_supervision counts days");
        errors.ThrowIfAny();
        return new() { Rule = ToView(await actions.SaveRuleAsync(rule.Kind, rule.Enabled, rule.WorkingDays, caller, context.CancellationToken)) };
    }

    /// <summary>The region's prefix when the caller covers it (default its own), else PermissionDenied.</summary>
    private static string Scope(Caller caller, string requested) =>
        caller.ReadableRegion(requested) is { } region
            ? Jurisdiction.Prefix(region)
            : throw new RpcException(new Status(StatusCode.PermissionDenied, $"{requested} is outside your jurisdiction {caller.Region}"));
}
