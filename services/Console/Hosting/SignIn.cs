using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Coordination.Console.Hosting;

/// <summary>
/// Sign-in through the Directory (authorization code + PKCE, public client "coordination-console") into a cookie. The
/// session lasts until the access token expires or Console:SessionLifetime passes; a browser that comes back with an
/// ended session is sent to the Directory's login page again (prompt=login), not silently signed in.
/// </summary>
public static class SignIn
{
    public const string CookieName = "coordination.console";

    public static WebApplicationBuilder AddConsoleSignIn(this WebApplicationBuilder builder, ConsoleOptions options)
    {
        var plainHttp = options.Authority.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.SlidingExpiration = false;
                o.ExpireTimeSpan = options.SessionLifetime;
                o.Events.OnSigningIn = context =>
                {
                    if (context.Principal?.SessionEnds() is { } ends) context.Properties.ExpiresUtc = ends;
                    return Task.CompletedTask;
                };
                o.Events.OnValidatePrincipal = async context =>
                {
                    if (context.Principal?.SessionEnds() is { } ends && ends <= DateTimeOffset.UtcNow)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = options.Authority;
                o.RequireHttpsMetadata = !plainHttp;
                o.ClientId = options.ClientId;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "roles", "coordination" }) o.Scope.Add(scope);
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.TokenValidationParameters.NameClaimType = SessionClaims.Name;
                o.TokenValidationParameters.RoleClaimType = SessionClaims.Role;
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    // The browser still holds our cookie but it no longer signs anyone in: the session ended.
                    if (context.Request.Cookies.ContainsKey(CookieName) && context.HttpContext.User.Identity?.IsAuthenticated != true)
                        context.ProtocolMessage.Prompt = "login";
                    return Task.CompletedTask;
                };
                o.Events.OnTokenValidated = context =>
                {
                    var token = context.TokenEndpointResponse?.AccessToken;
                    if (token is null || context.Principal?.Identity is not ClaimsIdentity identity)
                    {
                        context.Fail("the Directory returned no access token");
                        return Task.CompletedTask;
                    }
                    var jwt = new JsonWebToken(token);
                    foreach (var type in new[] { SessionClaims.Role, SessionClaims.Unit, SessionClaims.Region, SessionClaims.LeaderTitle, SessionClaims.Name })
                    {
                        foreach (var old in identity.FindAll(type).ToList()) identity.RemoveClaim(old);
                        if (jwt.TryGetPayloadValue<string>(type, out var value) && value.Length > 0) identity.AddClaim(new Claim(type, value));
                    }
                    var ends = DateTimeOffset.UtcNow + options.SessionLifetime;
                    if (jwt.ValidTo > DateTime.MinValue && jwt.ValidTo < ends.UtcDateTime) ends = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
                    identity.AddClaim(new Claim(SessionClaims.AccessToken, token));
                    identity.AddClaim(new Claim(SessionClaims.ExpiresAt, ends.ToUnixTimeSeconds().ToString()));
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }
}
