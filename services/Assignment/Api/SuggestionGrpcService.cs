using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Assignment.Workflow;
using Coordination.Contracts;
using Coordination.Contracts.Assignment;
using Coordination.Grpc.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SuggestionApi = Coordination.Grpc.Assignment.SuggestionService;

namespace Coordination.Assignment.Api;

/// <summary>People's suggestions (§18, ADR 26): validation at the edge, one workflow call, the view.</summary>
public sealed class SuggestionGrpcService(SuggestionActions actions, SuggestionQueries queries, UnitDirectory units, TimeProvider clock)
    : SuggestionApi.SuggestionServiceBase
{
    private static readonly PageTokens Pages = new("assignment.ListSuggestions", PagePart.Time, PagePart.Id);

    /// <summary>The bureau and leaders by jurisdiction; a department the suggestions passed to it.</summary>
    public override async Task<ListSuggestionsResponse> ListSuggestions(ListSuggestionsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader, Roles.Department);
        var errors = new FieldErrors()
            .Check(request.Status.Length == 0 || SuggestionStatus.All.Contains(request.Status), "status", "must be received, passed, evaluated or commended")
            .CheckOptionalRegion(request.RegionCode);
        var page = Pages.Read(errors, request.PageSize, request.PageToken, query: $"{caller.Subject}|{request.Status}|{request.RegionCode}");
        errors.ThrowIfAny();
        string? prefix = null, unit = null;
        if (caller.Is(Roles.Department)) unit = caller.Unit;
        else
        {
            var region = caller.ReadableRegion(request.RegionCode)
                ?? throw new RpcException(new Status(StatusCode.PermissionDenied, $"{request.RegionCode} is outside your jurisdiction {caller.Region}"));
            prefix = Jurisdiction.Prefix(region);
        }
        var rows = await queries.SuggestionsAsync(prefix, unit, request.Status.Length == 0 ? null : request.Status, page.After, page.Fetch,
            context.CancellationToken);
        var (items, next) = Pages.Page(rows, page, s => PageKey.Of(s.ReceivedAt, s.CaseId));
        var now = clock.GetUtcNow();
        return new ListSuggestionsResponse { Suggestions = { items.Select(s => View(s, now)) }, NextPageToken = next };
    }

    public override async Task<PassSuggestionResponse> PassSuggestion(PassSuggestionRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var caseId = errors.RequireGuid(request.CaseId, "case_id");
        var unit = await errors.UnitAsync(units, "unit_code", request.UnitCode, context.CancellationToken);
        errors.ThrowIfAny();
        return new() { Suggestion = View(await actions.PassAsync(caseId, unit, Caller.From(context), context.CancellationToken), clock.GetUtcNow()) };
    }

    /// <summary>Every outcome states its reasons: the proposer is told why (InvalidArgument naming reasons otherwise).</summary>
    public override async Task<EvaluateSuggestionResponse> EvaluateSuggestion(EvaluateSuggestionRequest request, ServerCallContext context)
    {
        var reasons = "";
        var caseId = FieldErrors.ValidId(request.CaseId, "case_id", e =>
        {
            e.Check(SuggestionOutcomes.All.Contains(request.Outcome), "outcome", "must be adopted, partly_adopted or not_adopted");
            reasons = e.Text(request.Reasons, "reasons", FieldLimits.SuggestionReasons);
        });
        return new()
        {
            Suggestion = View(await actions.EvaluateAsync(caseId, request.Outcome, reasons, Caller.From(context), context.CancellationToken), clock.GetUtcNow()),
        };
    }

    public override async Task<CommendSuggestionResponse> CommendSuggestion(CommendSuggestionRequest request, ServerCallContext context)
    {
        var commendation = "";
        var caseId = FieldErrors.ValidId(request.CaseId, "case_id", e => commendation = e.Text(request.Commendation, "commendation", FieldLimits.SuggestionCommendation));
        return new()
        {
            Suggestion = View(await actions.CommendAsync(caseId, commendation, Caller.From(context), context.CancellationToken), clock.GetUtcNow()),
        };
    }

    private static Timestamp? At(DateTimeOffset? at) => at is { } t ? Timestamp.FromDateTimeOffset(t) : null;

    public static SuggestionView View(Suggestion s, DateTimeOffset now) => new()
    {
        CaseId = s.CaseId.ToString(), CaseNumber = s.CaseNumber, RegionCode = s.RegionCode, Topic = s.Topic, Summary = s.Summary, Channel = s.Channel,
        Status = s.Status, UnitCode = s.UnitCode ?? "", EvaluateBy = At(s.EvaluateBy), Outcome = s.Outcome ?? "", Reasons = s.Reasons ?? "",
        Commendation = s.Commendation ?? "", ReceivedAt = At(s.ReceivedAt), EvaluatedAt = At(s.EvaluatedAt), CommendedAt = At(s.CommendedAt),
        Overdue = s.Overdue(now),
    };
}
