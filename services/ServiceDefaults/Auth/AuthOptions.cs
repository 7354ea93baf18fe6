namespace Coordination.ServiceDefaults.Auth;

/// <summary>Where tokens come from: the Directory's OpenID Connect server, whose published keys (JWKS) sign them.</summary>
public sealed class AuthOptions
{
    public const string Audience = "coordination";
    /// <summary>The Directory of ./run.sh; used only in Development when Auth:Authority is not set.</summary>
    public const string DevelopmentAuthority = "http://127.0.0.1:5206/";

    /// <summary>The Directory's issuer address; its discovery document names the signing keys.</summary>
    public string? Authority { get; set; }
    /// <summary>Fetch the discovery document over plain HTTP (Development, tests, a compose network).</summary>
    public bool AllowHttp { get; set; }
}
