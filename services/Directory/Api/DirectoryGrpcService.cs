using Coordination.Directory.Workflow;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;
using Coordination.Grpc.Directory;
using DirectoryApi = Coordination.Grpc.Directory.DirectoryService;

namespace Coordination.Directory.Api;

/// <summary>
/// The Directory's gRPC API: checks the request's fields, then hands over to Workflow. Every call needs an active
/// caller; writes need an administrator.
/// </summary>
public sealed partial class DirectoryGrpcService(UnitActions units, PersonActions people, DirectoryQueries queries, WorkingCalendarActions calendar,
    RecusalActions recusals, TimeProvider clock)
    : DirectoryApi.DirectoryServiceBase
{
    private const int MaxSpelling = 100;

    /// <summary>The token's caller, refused when the person behind it has been deactivated since it was issued.</summary>
    private async Task<Caller> CallerAsync(ServerCallContext context)
    {
        var caller = Caller.From(context);
        if (caller.Role != TokenPrincipals.ServiceRole && !await queries.IsActiveAsync(caller.Subject, context.CancellationToken))
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"{caller.Subject} is no longer active"));
        return caller;
    }

    private async Task<Caller> AdministratorAsync(ServerCallContext context) => (await CallerAsync(context)).Require(Roles.Administrator);

    public override async Task<WhoAmIResponse> WhoAmI(WhoAmIRequest request, ServerCallContext context)
    {
        var caller = await CallerAsync(context);
        var person = await queries.PersonAsync(caller, caller.Subject, context.CancellationToken);
        var unit = await queries.UnitByCodeAsync(caller.Unit, context.CancellationToken);
        return new WhoAmIResponse
        {
            Subject = caller.Subject, Name = person?.Name ?? caller.Subject, Role = caller.Role, UnitCode = caller.Unit, UnitName = unit?.Name ?? "",
            RegionCode = caller.Region, LeaderTitle = person?.LeaderTitle ?? "",
        };
    }

    private static void CheckSpelling(FieldErrors errors, string value, string field) =>
        errors.Check(value.Length <= MaxSpelling && !value.Any(char.IsControl), field, $"at most {MaxSpelling} characters, no control characters");
}
