using Microsoft.AspNetCore.RateLimiting;
using Coordination.Grpc.Intake;
using Coordination.Intake.Domain;
using Coordination.Intake.Workflow;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using TopicView = Coordination.Grpc.Intake.Topic;
using IntakeApi = Coordination.Grpc.Intake.IntakeService;

namespace Coordination.Intake.Api;

/// <summary>Intake's gRPC API: checks each call and hands it to one workflow or one query.</summary>
public sealed class IntakeGrpcService(
    PetitionRegistration registration,
    PetitionQueries queries,
    ReceptionDays receptionDays,
    SelfService selfService,
    PetitionSearch search,
    IOptions<IntakeOptions> options,
    UnitDirectory units,
    TimeProvider clock) : IntakeApi.IntakeServiceBase
{
    public override async Task<RegisterPetitionResponse> RegisterPetition(RegisterPetitionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk, Roles.Bureau);
        var errors = new FieldErrors();
        // The accused unit by its canonical code, so that no spelling of it slips past the shield.
        var accused = request.Category == Category.Accusation
            ? await errors.UnitAsync(units, "accused_unit", request.AccusedUnit, context.CancellationToken)
            : null;
        var petition = RegisterPetitionValidator.Validate(request, clock.GetUtcNow(), options.Value, errors, accused);
        if (!caller.Covers(petition.RegionCode))
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"region_code {petition.RegionCode} is outside your jurisdiction {caller.Region}"));
        await CheckReferencesAsync(petition, caller, context.CancellationToken);
        var result = await registration.RegisterAsync(petition, caller, context.CancellationToken);
        return PetitionViews.ToResponse(result);
    }

    public override async Task<GetPetitionResponse> GetPetition(GetPetitionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk, Roles.Bureau, Roles.Leader, Roles.Department);
        var errors = new FieldErrors();
        var caseId = errors.RequireGuid(request.CaseId, "case_id");
        errors.ThrowIfAny();
        var p = await queries.ReadableAsync(caller, caseId, context.CancellationToken);
        return new() { Petition = PetitionViews.ToView(p, withholdContent: p.IsWithheldFrom(caller.Unit)) };
    }

    public override Task<ListPetitionsResponse> ListPetitions(ListPetitionsRequest request, ServerCallContext context) =>
        queries.ListAsync(Caller.From(context).Require(Roles.Clerk, Roles.Bureau, Roles.Leader), request, context.CancellationToken);

    [AllowAnonymous]
    [EnableRateLimiting(StatusLookupLimit.Policy)]
    public override async Task<GetPetitionStatusResponse> GetPetitionStatus(GetPetitionStatusRequest request, ServerCallContext context)
    {
        new FieldErrors().Check(request.QueryCode.Length == 10, "query_code", "must be the 10-character code given at registration").ThrowIfAny();
        var p = await queries.ByQueryCodeAsync(request.QueryCode, context.CancellationToken);
        return new GetPetitionStatusResponse
        {
            CaseNumber = p.CaseNumber,
            RegisteredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(p.RegisteredAt),
            Outcome = PetitionViews.OutcomeOf(p.Outcome),
            Status = p.Status,
            Notice = p.Notice ?? "",
            AssignedUnits = { p.AssignedUnits },
        };
    }

    [AllowAnonymous]
    [EnableRateLimiting(StatusLookupLimit.Policy)]
    public override async Task<GetPetitionProgressResponse> GetPetitionProgress(GetPetitionProgressRequest request, ServerCallContext context) =>
        new() { Progress = await selfService.ProgressAsync(request.Proof, context.CancellationToken) };

    [AllowAnonymous]
    [EnableRateLimiting(StatusLookupLimit.Policy)]
    public override async Task<RatePetitionReplyResponse> RatePetitionReply(RatePetitionReplyRequest request, ServerCallContext context) =>
        new() { Progress = await selfService.RateAsync(request, context.CancellationToken) };

    [AllowAnonymous]
    [EnableRateLimiting(StatusLookupLimit.Policy)]
    public override async Task<RequestPetitionReviewResponse> RequestPetitionReview(RequestPetitionReviewRequest request, ServerCallContext context) =>
        new() { Progress = await selfService.RequestReviewAsync(request, context.CancellationToken) };

    public override Task<SearchPetitionsResponse> SearchPetitions(SearchPetitionsRequest request, ServerCallContext context) =>
        search.SearchAsync(Caller.From(context).Require(Roles.Clerk, Roles.Bureau, Roles.Leader, Roles.Department), request, context.CancellationToken);

    public override async Task<ScheduleReceptionDayResponse> ScheduleReceptionDay(ScheduleReceptionDayRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk, Roles.Bureau);
        return new() { ReceptionDay = await receptionDays.ScheduleAsync(caller, request, context.CancellationToken) };
    }

    public override async Task<CompleteReceptionDayResponse> CompleteReceptionDay(CompleteReceptionDayRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk, Roles.Bureau);
        return new() { ReceptionDay = await receptionDays.CompleteAsync(caller, request.ReceptionDayId, context.CancellationToken) };
    }

    public override async Task<GetReceptionDayResponse> GetReceptionDay(GetReceptionDayRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk, Roles.Bureau, Roles.Leader);
        return new() { ReceptionDay = await receptionDays.GetAsync(caller, request.ReceptionDayId, context.CancellationToken) };
    }

    private static readonly PageTokens TopicPages = new("intake.ListTopics", PagePart.Text) { DefaultSize = PageTokens.MaxSize };

    public override async Task<ListTopicsResponse> ListTopics(ListTopicsRequest request, ServerCallContext context)
    {
        Caller.From(context).RequireCaseRole();
        var errors = new FieldErrors();
        var page = TopicPages.Read(errors, request.PageSize, request.PageToken);
        errors.ThrowIfAny();
        var all = await queries.TopicsAsync(context.CancellationToken);
        var (items, next) = TopicPages.PageOf(all.Where(t => t.Active).OrderBy(t => t.Code, StringComparer.Ordinal), page,
            (t, after) => string.CompareOrdinal(t.Code, after.Text(0)) > 0, t => PageKey.Of(t.Code));
        return new ListTopicsResponse { Topics = { items.Select(t => new TopicView { Code = t.Code, Name = t.Name }) }, NextPageToken = next };
    }

    /// <summary>Checks against data: the topic is in the catalogue, the reception day is open and in scope.</summary>
    private async Task CheckReferencesAsync(NewPetition petition, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var catalogue = await queries.TopicsAsync(ct);
        errors.Check(catalogue.Any(t => t.Active && t.Code == petition.Topic), "topic", "is not in the topic catalogue (ListTopics)");
        if (petition.ReceptionDayId is { } dayId)
        {
            var day = await queries.ReceptionDayAsync(dayId, ct);
            errors.Check(day is not null && caller.Covers(day.RegionCode), "reception_day_id", "no such reception day in your jurisdiction");
            errors.ThrowIfAny();
            day!.EnsureOpenForReception();
        }
        errors.ThrowIfAny();
    }
}
