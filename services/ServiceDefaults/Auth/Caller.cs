using System.Security.Claims;
using Grpc.Core;

namespace Coordination.ServiceDefaults.Auth;

/// <summary>Who is calling, taken from the token, never from the request (STYLE.md).</summary>
public sealed record Caller(string Subject, string Role, string Unit, string Region)
{
    /// <summary>The person's display name (the token's "name"), else the subject.</summary>
    public string Name { get; init; } = Subject;
    /// <summary>A leader's title (市长, 主任 …) from the token; empty for others.</summary>
    public string LeaderTitle { get; init; } = "";

    public static Caller From(ServerCallContext context) => FromUser(context.GetHttpContext().User, out var missing)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, $"token lacks the '{missing}' claim"));

    /// <summary>The caller behind an authenticated HTTP request (gRPC or plain); null when a claim is missing.</summary>
    public static Caller? FromUser(ClaimsPrincipal user, out string? missing)
    {
        missing = new[] { CallerClaims.Subject, CallerClaims.Role, CallerClaims.Unit, CallerClaims.Region }.FirstOrDefault(t => user.FindFirst(t) is null);
        if (missing is not null) return null;
        string Claim(string type) => user.FindFirst(type)!.Value;
        return new Caller(Claim(CallerClaims.Subject), Claim(CallerClaims.Role), Claim(CallerClaims.Unit), Claim(CallerClaims.Region))
        {
            Name = user.FindFirst(CallerClaims.Name)?.Value is { Length: > 0 } name ? name : Claim(CallerClaims.Subject),
            LeaderTitle = user.FindFirst(CallerClaims.LeaderTitle)?.Value ?? "",
        };
    }

    public bool Is(params string[] roles) => roles.Contains(Role);

    /// <summary>The caller's role must be one of these, else PermissionDenied.</summary>
    public Caller Require(params string[] roles) => Is(roles)
        ? this
        : throw new RpcException(new Status(StatusCode.PermissionDenied, $"role '{Role}' may not do this; needs {string.Join(" or ", roles)}"));

    /// <summary>Any of the case-handling roles (<see cref="Roles.All"/>): the administrator manages the Directory and reads no cases.</summary>
    public Caller RequireCaseRole() => Require([.. Roles.All.Order()]);

    public bool Covers(string regionCode) => Jurisdiction.Covers(Region, regionCode);

    /// <summary>
    /// The prefix every region code of the caller's jurisdiction starts with, for queries; a token whose region is not a
    /// division code has no jurisdiction at all (PermissionDenied), never the empty prefix that would match everything.
    /// </summary>
    public string JurisdictionPrefix => Jurisdiction.IsRegionCode(Region)
        ? Jurisdiction.Prefix(Region)
        : throw new RpcException(new Status(StatusCode.PermissionDenied, "the token names no jurisdiction"));

    /// <summary>The region a report is read for: the one asked for (default the caller's own) if the caller covers it, else null.</summary>
    public string? ReadableRegion(string? requested)
    {
        var region = string.IsNullOrEmpty(requested) ? Region : requested;
        return Covers(region) ? region : null;
    }
}
