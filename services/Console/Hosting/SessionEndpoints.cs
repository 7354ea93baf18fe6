using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Coordination.Console.Hosting;

/// <summary>/session/expired (back to the Directory's login page) and /session/signout (here and at the Directory).</summary>
public static class SessionEndpoints
{
    public const string Expired = "/session/expired", SignOut = "/session/signout";

    public static void MapSessionEndpoints(this WebApplication app)
    {
        app.MapGet(Expired, async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Challenge(new OpenIdConnectChallengeProperties { RedirectUri = "/", Prompt = "login" }, [OpenIdConnectDefaults.AuthenticationScheme]);
        }).AllowAnonymous();
        app.MapGet(SignOut, () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])).RequireAuthorization();
    }
}
