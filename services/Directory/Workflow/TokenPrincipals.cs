using System.Security.Claims;
using Coordination.Directory.Domain;
using Coordination.ServiceDefaults.Auth;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Coordination.Directory.Workflow;

/// <summary>What a token says about its holder: the claims every service reads through Caller (sub, role, unit, region).</summary>
public static class TokenPrincipals
{
    public const string Resource = "coordination";
    public const string ApiScope = "coordination";
    public const string ServiceRole = "service";
    public const string LeaderTitle = "leader_title";

    public static ClaimsPrincipal ForPerson(Person person, Unit unit, IEnumerable<string> scopes)
    {
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, person.Login)
            .SetClaim(Claims.Name, person.Name)
            .SetClaim(CallerClaims.Role, person.Role)
            .SetClaim(CallerClaims.Unit, person.UnitCode)
            .SetClaim(CallerClaims.Region, unit.RegionCode);
        if (person.LeaderTitle.Length > 0) identity.SetClaim(LeaderTitle, person.LeaderTitle);
        return Finish(identity, scopes);
    }

    /// <summary>A service signing in with client credentials: sub is its client id, its role "service".</summary>
    public static ClaimsPrincipal ForService(string clientId, string region, IEnumerable<string> scopes)
    {
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, clientId)
            .SetClaim(CallerClaims.Role, ServiceRole)
            .SetClaim(CallerClaims.Unit, clientId)
            .SetClaim(CallerClaims.Region, region);
        return Finish(identity, scopes);
    }

    /// <summary>The browser session's own cookie: just enough to find the person again.</summary>
    public static ClaimsPrincipal ForSession(Person person, string scheme) =>
        new(new ClaimsIdentity([new Claim(Claims.Subject, person.Login), new Claim(Claims.Name, person.Name)], scheme, Claims.Name, Claims.Role));

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(Resource);
        // Everything goes into the access token; the identity token also names the person for the console.
        identity.SetDestinations(claim => claim.Type is Claims.Name or CallerClaims.Role or CallerClaims.Unit or CallerClaims.Region or LeaderTitle
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
