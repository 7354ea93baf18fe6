using System.Security.Claims;

namespace Coordination.Console.Hosting;

/// <summary>
/// What the console keeps of a sign-in in its cookie: the person's claims from the Directory's access token, the token
/// itself (every gRPC call carries it) and when the session ends.
/// </summary>
public static class SessionClaims
{
    public const string AccessToken = "access_token";
    public const string ExpiresAt = "session_expires_at";
    public const string Role = "role", Unit = "unit", Region = "region", Name = "name", Subject = "sub", LeaderTitle = "leader_title";

    public static string? Token(this ClaimsPrincipal user) => user.FindFirst(AccessToken)?.Value;
    public static string RoleOf(this ClaimsPrincipal user) => user.FindFirst(Role)?.Value ?? "";
    public static string UnitOf(this ClaimsPrincipal user) => user.FindFirst(Unit)?.Value ?? "";
    public static string RegionOf(this ClaimsPrincipal user) => user.FindFirst(Region)?.Value ?? "";
    public static string NameOf(this ClaimsPrincipal user) => user.FindFirst(Name)?.Value ?? user.FindFirst(Subject)?.Value ?? "";

    public static DateTimeOffset? SessionEnds(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(ExpiresAt)?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
