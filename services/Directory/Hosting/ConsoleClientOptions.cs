namespace Coordination.Directory.Hosting;

/// <summary>Directory:Console: where the web console may receive codes and return after sign-out.</summary>
public sealed class ConsoleClientOptions
{
    public static readonly string[] DefaultRedirectUris = ["http://127.0.0.1:5300/signin-oidc", "http://localhost:5300/signin-oidc"];
    public static readonly string[] DefaultPostLogoutRedirectUris = ["http://127.0.0.1:5300/signout-callback-oidc", "http://localhost:5300/signout-callback-oidc"];

    // Left empty here: configuration binding appends to a pre-filled array instead of replacing it.
    public string[] RedirectUris { get; set; } = [];
    public string[] PostLogoutRedirectUris { get; set; } = [];

    public IEnumerable<string> EffectiveRedirectUris => RedirectUris.Length > 0 ? RedirectUris : DefaultRedirectUris;
    public IEnumerable<string> EffectivePostLogoutRedirectUris => PostLogoutRedirectUris.Length > 0 ? PostLogoutRedirectUris : DefaultPostLogoutRedirectUris;
}
