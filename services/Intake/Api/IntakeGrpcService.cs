using Coordination.Grpc.Intake;
using Coordination.Intake.Domain;
using PetitionView = Coordination.Grpc.Intake.Petition;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Intake.Api;

public sealed class IntakeGrpcService(PetitionRegistrar registrar, IntakeDb db, TimeProvider clock) : IntakeApi.IntakeApiBase
{
    public override async Task<RegisterPetitionReply> RegisterPetition(RegisterPetitionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk, Roles.Bureau);
        var petition = RegisterPetitionValidator.Validate(request, clock.GetUtcNow());
        if (!caller.Covers(petition.RegionCode))
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"region_code {petition.RegionCode} is outside your jurisdiction {caller.Region}"));
        var result = await registrar.RegisterAsync(petition, caller, context.CancellationToken);
        return new RegisterPetitionReply { CaseId = result.CaseId.ToString(), CaseNumber = result.CaseNumber, Replayed = result.Replayed };
    }

    public override async Task<PetitionView> GetPetition(GetPetitionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk, Roles.Bureau, Roles.Leader);
        var errors = new FieldErrors();
        var caseId = errors.RequireGuid(request.CaseId, "case_id");
        errors.ThrowIfAny();
        var p = await db.Petitions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, context.CancellationToken);
        if (p is null || !caller.Covers(p.RegionCode)) throw new NotFoundException($"case {caseId}");
        return ToView(p);
    }

    private static PetitionView ToView(Domain.Petition p) => new()
    {
        CaseId = p.Id.ToString(),
        CaseNumber = p.CaseNumber,
        Channel = RegisterPetitionValidator.ChannelOf(p.Channel),
        RegionCode = p.RegionCode,
        Category = RegisterPetitionValidator.CategoryOf(p.Category),
        Topic = p.Topic,
        Summary = p.Summary,
        Petitioners = { p.Petitioners.Select(x => new PetitionerView { Name = x.Name, IdNumberMasked = x.IdNumberMasked ?? "" }) },
        LawRelated = p.LawRelated,
        OtherRegionCodes = { p.OtherRegionCodes },
        ReceivedAt = Timestamp.FromDateTimeOffset(p.ReceivedAt),
        RegisteredAt = Timestamp.FromDateTimeOffset(p.RegisteredAt),
        ReceivingUnit = p.ReceivingUnit,
        Clerk = p.Clerk,
    };
}
