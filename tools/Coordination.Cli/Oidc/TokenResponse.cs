namespace Coordination.Cli.Oidc;

/// <summary>A token endpoint's success answer; ExpiresIn is null when the server did not say.</summary>
public sealed record TokenResponse(string AccessToken, string? RefreshToken, TimeSpan? ExpiresIn);
