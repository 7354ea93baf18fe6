using Coordination.Contracts;
using Coordination.Directory.Domain;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;
using Coordination.Grpc.Directory;

namespace Coordination.Directory.Api;

public sealed partial class DirectoryGrpcService
{
    private static readonly PageTokens RecusalPages = new("directory.ListRecusals", PagePart.Text, PagePart.Text);

    /// <summary>The caller keeps themselves away from a case (ADR 30); the administrator reads no cases, so has none to leave.</summary>
    public override async Task<DeclareInterestResponse> DeclareInterest(DeclareInterestRequest request, ServerCallContext context)
    {
        var caller = (await CallerAsync(context)).RequireCaseRole();
        var errors = new FieldErrors();
        var caseId = CaseId(errors, request.CaseId, "case_id");
        Reason(errors, request.Reason);
        errors.ThrowIfAny();
        var recusal = await recusals.RecuseAsync(caller.Subject, caseId, request.Reason, Domain.Recusal.Declared, caller.Subject, context.CancellationToken);
        return new DeclareInterestResponse { Recusal = Views.Of(recusal) };
    }

    public override async Task<RecordRecusalResponse> RecordRecusal(RecordRecusalRequest request, ServerCallContext context)
    {
        var administrator = await AdministratorAsync(context);
        var login = LoginName.Canonical(request.Login);
        var errors = new FieldErrors().Check(LoginName.IsValid(login), "login", "must be a login name");
        var caseId = CaseId(errors, request.CaseId, "case_id");
        Reason(errors, request.Reason);
        errors.ThrowIfAny();
        if (await queries.PersonAsync(administrator, login, context.CancellationToken) is null)
            new FieldErrors().Add("login", $"'{login}' is not a person of the directory").ThrowIfAny();
        var recusal = await recusals.RecuseAsync(login, caseId, request.Reason, Domain.Recusal.Recorded, administrator.Subject, context.CancellationToken);
        return new RecordRecusalResponse { Recusal = Views.Of(recusal) };
    }

    public override async Task<ListRecusalsResponse> ListRecusals(ListRecusalsRequest request, ServerCallContext context)
    {
        var caller = await CallerAsync(context);
        var login = LoginName.Canonical(request.Login);
        var errors = new FieldErrors().Check(login.Length == 0 || LoginName.IsValid(login), "login", "must be a login name or empty");
        Guid? caseId = request.CaseId.Length == 0 ? null : CaseId(errors, request.CaseId, "case_id");
        var page = RecusalPages.Read(errors, request.PageSize, request.PageToken, query: $"{login}|{caseId}");
        errors.ThrowIfAny();
        if (!caller.Is(Roles.Administrator))
        {
            if (login.Length > 0 && login != caller.Subject)
                throw new RpcException(new Status(StatusCode.PermissionDenied, "only an administrator reads another person's recusals"));
            login = caller.Subject;
        }
        var (rows, next) = await queries.RecusalsAsync(login, caseId, RecusalPages, page, context.CancellationToken);
        return new ListRecusalsResponse { Recusals = { rows.Select(Views.Of) }, NextPageToken = next };
    }

    private static Guid CaseId(FieldErrors errors, string value, string field)
    {
        var valid = Guid.TryParse(value, out var id) && id != Guid.Empty;
        errors.Check(valid, field, "must be a case id (a UUID)");
        return id;
    }

    private static void Reason(FieldErrors errors, string reason) =>
        errors.Check(Text.IsRequiredClean(reason, FieldLimits.RecusalReason), "reason", $"is required: 1 to {FieldLimits.RecusalReason} characters, no control characters");
}
