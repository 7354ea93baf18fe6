namespace Coordination.Cli.Oidc;

/// <summary>
/// An OAuth error answer (RFC 6749 §5.2) or a Directory that could not be used. The message is the server's
/// error_description when it gave one, because that is what tells a person why (wrong password, locked, deactivated).
/// </summary>
public sealed class OidcException(string error, string? description)
    : Exception(string.IsNullOrWhiteSpace(description) ? error : description)
{
    public string Error { get; } = error;
}
