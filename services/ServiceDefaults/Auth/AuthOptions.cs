namespace Coordination.ServiceDefaults.Auth;

public sealed class AuthOptions
{
    public const string Issuer = "coordination";
    public const string Audience = "coordination";
    /// <summary>The local development key; every real deployment sets Auth__SigningKey.</summary>
    public const string DevelopmentSigningKey = "coordination-local-development-signing-key-change-me-0123456789";

    public string SigningKey { get; set; } = DevelopmentSigningKey;
}
