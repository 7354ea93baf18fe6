using Coordination.Directory.Domain;
using Coordination.Directory.Hosting;
using Coordination.Directory.Workflow;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Coordination.Directory.Api;

/// <summary>
/// OpenIddict validates the protocol; these passthrough endpoints only decide who is signed in, asking Workflow
/// every time, so that a deactivated or locked person gets no token by any flow.
/// </summary>
public static class ConnectEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void MapConnectEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync);
        app.MapPost("/connect/token", (Delegate)ExchangeAsync);
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, SignInDecisions decisions)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this request");
        var session = await http.AuthenticateAsync(SignInServer.CookieScheme);
        // prompt=login (a client whose session ended): the person signs in again even if the Directory still knows them; the
        // request comes back without that prompt so that the next pass issues the code.
        var mustLogIn = request.HasPromptValue(PromptValues.Login);
        if (!session.Succeeded || mustLogIn)
        {
            if (!session.Succeeded && request.HasPromptValue(PromptValues.None)) return Refuse(Errors.LoginRequired, "no one is signed in");
            var parameters = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync()).ToList() : http.Request.Query.ToList();
            parameters.RemoveAll(p => p.Key == Parameters.Prompt);
            if (mustLogIn) await http.SignOutAsync(SignInServer.CookieScheme);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) },
                [SignInServer.CookieScheme]);
        }
        var current = await decisions.CurrentAsync(session.Principal.GetClaim(Claims.Subject), http.RequestAborted);
        if (!current.Succeeded)
        {
            await http.SignOutAsync(SignInServer.CookieScheme);
            return Refuse(Errors.AccessDenied, SignInMessages.English(current.Outcome));
        }
        return Results.SignIn(current.Principal(request.GetScopes()), null, Server);
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http, SignInDecisions decisions, IOptions<DirectoryOptions> options)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this request");
        if (request.IsPasswordGrantType())
        {
            var attempt = await decisions.WithPasswordAsync(request.Username ?? "", request.Password ?? "", http.RequestAborted);
            return attempt.Succeeded ? Results.SignIn(attempt.Principal(request.GetScopes()), null, Server) : Refuse(Errors.InvalidGrant, SignInMessages.English(attempt.Outcome));
        }
        if (request.IsClientCredentialsGrantType())
        {
            var region = options.Value.ServiceClients.GetValueOrDefault(request.ClientId!)?.Region ?? "320000";
            return Results.SignIn(TokenPrincipals.ForService(request.ClientId!, region, request.GetScopes()), null, Server);
        }
        // Authorization code, device code, refresh token: OpenIddict has checked the code or token; the person is looked at afresh.
        var stored = await http.AuthenticateAsync(Server);
        var current = await decisions.CurrentAsync(stored.Principal?.GetClaim(Claims.Subject), http.RequestAborted);
        if (!current.Succeeded) return Refuse(Errors.InvalidGrant, SignInMessages.English(current.Outcome));
        return Results.SignIn(current.Principal(stored.Principal!.GetScopes()), null, Server);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(SignInServer.CookieScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = AccountEndpoints.LoginPath }, [Server]);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    }), [Server]);
}
