using Coordination.Directory.Domain;
using Coordination.Directory.Hosting;
using Coordination.Directory.Workflow;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Coordination.Directory.Api;

/// <summary>The login page: a password sign-in into the Directory's own session cookie, which the authorize and verify endpoints then read.</summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapGet(LoginPath, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Pages.Login(antiforgery.GetAndStoreTokens(http), LocalOrHome(returnUrl)));
        app.MapPost(LoginPath, SignInAsync);
        app.MapGet("/", async (HttpContext http) => (await http.AuthenticateAsync(SignInServer.CookieScheme)).Succeeded
            ? Pages.Message("信访协同统一身份认证", "您已登录。")
            : Results.Redirect(LoginPath));
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, SignInDecisions decisions, IOptions<LockoutPolicy> lockout)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return Pages.Message("登录", "页面已过期，请返回重新登录。", StatusCodes.Status400BadRequest);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var login = form["username"].ToString();
        var returnUrl = LocalOrHome(form["ReturnUrl"].ToString());
        var result = await decisions.WithPasswordAsync(login, form["password"].ToString(), http.RequestAborted);
        if (!result.Succeeded)
            return Pages.Login(antiforgery.GetAndStoreTokens(http), returnUrl, login.Length <= 64 ? login : "", SignInMessages.Chinese(result.Outcome, lockout.Value));
        await http.SignInAsync(SignInServer.CookieScheme, TokenPrincipals.ForSession(result.Person!, SignInServer.CookieScheme));
        return Results.LocalRedirect(returnUrl);
    }

    /// <summary>Only a path on this server: a login page must not bounce people to another site.</summary>
    private static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 4000 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || returnUrl[1] is not '/' and not '\\') ? returnUrl : "/";
}
