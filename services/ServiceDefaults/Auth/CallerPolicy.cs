using Microsoft.AspNetCore.Authorization;

namespace Coordination.ServiceDefaults.Auth;

/// <summary>
/// The default policy of the case services: an authenticated token whose role is one the Directory grants (the case
/// roles or the administrator) and whose region is a 6-digit division code. Anything else is PermissionDenied (HTTP 403)
/// before a handler runs, so no handler has to guard against a role or jurisdiction it does not know.
/// </summary>
public static class CallerPolicy
{
    public static AuthorizationPolicy Build() => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(context => IsOfThisSystem(context.User.FindFirst(CallerClaims.Role)?.Value, context.User.FindFirst(CallerClaims.Region)?.Value,
            context.User.FindFirst(CallerClaims.Unit)?.Value))
        .Build();

    public static bool IsOfThisSystem(string? role, string? region, string? unit) =>
        role is not null && (Roles.All.Contains(role) || role == Roles.Administrator)
        && Jurisdiction.IsRegionCode(region)
        && !string.IsNullOrWhiteSpace(unit);
}
