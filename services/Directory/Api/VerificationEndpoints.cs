using Coordination.Directory.Domain;
using Coordination.Directory.Hosting;
using Coordination.Directory.Workflow;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Coordination.Directory.Api;

/// <summary>The device flow's verification page: a signed-in person types the code the command line showed and confirms.</summary>
public static class VerificationEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;
    private const string Title = "设备授权";

    public static void MapVerificationEndpoints(this WebApplication app)
    {
        app.MapGet("/connect/verify", ShowAsync);
        app.MapPost("/connect/verify", DecideAsync);
        app.MapGet("/connect/verified", () => Pages.Message(Title, "授权成功，请返回命令行继续操作。"));
        app.MapGet("/connect/denied", () => Pages.Message(Title, "已拒绝该设备的授权请求。"));
    }

    private static async Task<IResult> ShowAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var session = await http.AuthenticateAsync(SignInServer.CookieScheme);
        if (!session.Succeeded) return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.Path + http.Request.QueryString }, [SignInServer.CookieScheme]);
        var userCode = http.Request.Query["user_code"].ToString();
        if (userCode.Length == 0) return Pages.EnterUserCode();
        var request = await http.AuthenticateAsync(Server);
        if (!request.Succeeded || string.IsNullOrEmpty(request.Principal.GetClaim(Claims.ClientId)))
            return Pages.EnterUserCode("用户代码无效或已过期，请重新输入。");
        return Pages.ConfirmDevice(antiforgery.GetAndStoreTokens(http), userCode, request.Principal.GetClaim(Claims.ClientId)!,
            session.Principal.GetClaim(Claims.Name) ?? "");
    }

    private static async Task<IResult> DecideAsync(HttpContext http, IAntiforgery antiforgery, SignInDecisions decisions, IOptions<LockoutPolicy> lockout)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return Pages.Message(Title, "页面已过期，请返回重新输入用户代码。", StatusCodes.Status400BadRequest);
        var session = await http.AuthenticateAsync(SignInServer.CookieScheme);
        if (!session.Succeeded) return Results.Challenge(new AuthenticationProperties { RedirectUri = "/connect/verify" }, [SignInServer.CookieScheme]);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var request = await http.AuthenticateAsync(Server);
        if (!request.Succeeded || string.IsNullOrEmpty(request.Principal.GetClaim(Claims.ClientId)))
            return Pages.EnterUserCode("用户代码无效或已过期，请重新输入。");
        if (form["decision"] != "accept") return Results.Forbid(new AuthenticationProperties { RedirectUri = "/connect/denied" }, [Server]);
        var current = await decisions.CurrentAsync(session.Principal.GetClaim(Claims.Subject), http.RequestAborted);
        if (!current.Succeeded)
        {
            await http.SignOutAsync(SignInServer.CookieScheme);
            return Pages.Message(Title, SignInMessages.Chinese(current.Outcome, lockout.Value), StatusCodes.Status403Forbidden);
        }
        return Results.SignIn(current.Principal(request.Principal.GetScopes()), new AuthenticationProperties { RedirectUri = "/connect/verified" }, Server);
    }
}
