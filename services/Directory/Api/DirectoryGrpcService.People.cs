using Coordination.Directory.Domain;
using Coordination.Directory.Workflow;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;
using Coordination.Grpc.Directory;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Directory.Api;

public sealed partial class DirectoryGrpcService
{
    private static readonly PageTokens PeoplePages = new("directory.ListPeople", PagePart.Text, PagePart.Text) { DefaultSize = PageTokens.MaxSize };

    public override async Task<ListPeopleResponse> ListPeople(ListPeopleRequest request, ServerCallContext context)
    {
        var caller = await CallerAsync(context);
        var errors = new FieldErrors().Check(request.UnitCode.Length == 0 || UnitCode.IsValid(request.UnitCode), "unit_code", "must be a unit code or empty");
        var page = PeoplePages.Read(errors, request.PageSize, request.PageToken, query: $"{request.UnitCode}|{request.IncludeInactive}");
        errors.ThrowIfAny();
        var (rows, next) = await queries.PeopleAsync(caller, request.UnitCode, request.IncludeInactive, PeoplePages, page, context.CancellationToken);
        var now = clock.GetUtcNow();
        return new ListPeopleResponse { People = { rows.Select(p => Views.Of(p, now)) }, NextPageToken = next };
    }

    public override async Task<GetPersonResponse> GetPerson(GetPersonRequest request, ServerCallContext context)
    {
        var caller = await CallerAsync(context);
        var login = LoginName.Canonical(request.Login);
        new FieldErrors().Check(LoginName.IsValid(login), "login", "must be a login name").ThrowIfAny();
        var person = await queries.PersonAsync(caller, login, context.CancellationToken) ?? throw new NotFoundException($"person {login}");
        return new GetPersonResponse { Person = Views.Of(person, clock.GetUtcNow()) };
    }

    public override async Task<RegisterPersonResponse> RegisterPerson(RegisterPersonRequest request, ServerCallContext context)
    {
        await AdministratorAsync(context);
        var draft = new PersonDraft(request.Login, request.Name, request.UnitCode, request.Role, request.LeaderTitle, request.Password);
        var person = await people.RegisterAsync(draft, context.CancellationToken);
        return new RegisterPersonResponse { Person = Views.Of(person, clock.GetUtcNow()) };
    }

    public override async Task<DeactivatePersonResponse> DeactivatePerson(DeactivatePersonRequest request, ServerCallContext context)
    {
        await AdministratorAsync(context);
        var login = LoginName.Canonical(request.Login);
        new FieldErrors().Check(LoginName.IsValid(login), "login", "must be a login name").ThrowIfAny();
        var person = await people.DeactivateAsync(login, context.CancellationToken);
        return new DeactivatePersonResponse { Person = Views.Of(person, clock.GetUtcNow()) };
    }

    public override async Task<ChangePasswordResponse> ChangePassword(ChangePasswordRequest request, ServerCallContext context)
    {
        var caller = await CallerAsync(context);
        if (caller.Role == TokenPrincipals.ServiceRole) throw new RpcException(new Status(StatusCode.PermissionDenied, "a service has no password"));
        await people.ChangePasswordAsync(caller.Subject, request.CurrentPassword, request.NewPassword, context.CancellationToken);
        return new ChangePasswordResponse();
    }
}
