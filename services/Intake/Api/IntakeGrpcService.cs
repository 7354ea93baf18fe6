using Coordination.Grpc.Intake;
using Coordination.Intake.Domain;
using Coordination.Intake.Workflow;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PetitionView = Coordination.Grpc.Intake.Petition;
using PetitionStatus = Coordination.Grpc.Intake.PetitionStatus;
using ReceptionDay = Coordination.Grpc.Intake.ReceptionDay;
using TopicView = Coordination.Grpc.Intake.Topic;

namespace Coordination.Intake.Api;

/// <summary>Intake's gRPC API: checks each call and hands it to one workflow or one query.</summary>
public sealed class IntakeGrpcService(
    PetitionRegistration registration,
    PetitionQueries queries,
    ReceptionDays receptionDays,
    IOptions<IntakeOptions> options,
    UnitDirectory units,
    TimeProvider clock) : IntakeApi.IntakeApiBase
{
    public override async Task<RegisterPetitionReply> RegisterPetition(RegisterPetitionRequest request, ServerCallContext context)
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
        return PetitionViews.ToReply(result);
    }

    public override async Task<PetitionView> GetPetition(GetPetitionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk, Roles.Bureau, Roles.Leader, Roles.Department);
        var errors = new FieldErrors();
        var caseId = errors.RequireGuid(request.CaseId, "case_id");
        errors.ThrowIfAny();
        var p = await queries.ReadableAsync(caller, caseId, context.CancellationToken);
        return PetitionViews.ToView(p, withholdContent: p.IsWithheldFrom(caller.Unit));
    }

    public override Task<ListPetitionsReply> ListPetitions(ListPetitionsRequest request, ServerCallContext context) =>
        queries.ListAsync(Caller.From(context).Require(Roles.Clerk, Roles.Bureau, Roles.Leader), request, context.CancellationToken);

    [AllowAnonymous]
    public override async Task<PetitionStatus> GetPetitionStatus(GetPetitionStatusRequest request, ServerCallContext context)
    {
        new FieldErrors().Check(request.QueryCode.Length == 10, "query_code", "must be the 10-character code given at registration").ThrowIfAny();
        var p = await queries.ByQueryCodeAsync(request.QueryCode, context.CancellationToken);
        return new PetitionStatus
        {
            CaseNumber = p.CaseNumber,
            RegisteredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(p.RegisteredAt),
            Outcome = PetitionViews.OutcomeOf(p.Outcome),
            Status = p.Status,
            Notice = p.Notice ?? "",
            AssignedUnits = { p.AssignedUnits },
        };
    }

    public override Task<ReceptionDay> ScheduleReceptionDay(ScheduleReceptionDayRequest request, ServerCallContext context) =>
        receptionDays.ScheduleAsync(Caller.From(context).Require(Roles.Clerk, Roles.Bureau), request, context.CancellationToken);

    public override Task<ReceptionDay> CompleteReceptionDay(CompleteReceptionDayRequest request, ServerCallContext context) =>
        receptionDays.CompleteAsync(Caller.From(context).Require(Roles.Clerk, Roles.Bureau), request.ReceptionDayId, context.CancellationToken);

    public override Task<ReceptionDay> GetReceptionDay(GetReceptionDayRequest request, ServerCallContext context) =>
        receptionDays.GetAsync(Caller.From(context).Require(Roles.Clerk, Roles.Bureau, Roles.Leader), request.ReceptionDayId, context.CancellationToken);

    public override async Task<ListTopicsReply> ListTopics(ListTopicsRequest request, ServerCallContext context)
    {
        Caller.From(context);
        var all = await queries.TopicsAsync(context.CancellationToken);
        return new ListTopicsReply { Topics = { all.Where(t => t.Active).OrderBy(t => t.Code).Select(t => new TopicView { Code = t.Code, Name = t.Name }) } };
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
