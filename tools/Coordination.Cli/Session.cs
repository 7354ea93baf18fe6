using Coordination.Cli.Oidc;

namespace Coordination.Cli;

/// <summary>No usable sign-in for the profile; the message says what to run.</summary>
public sealed class SignInRequiredException(string message) : Exception(message);

/// <summary>The access token for a command: the stored one, refreshed first when it is about to expire.</summary>
public sealed class Session(TokenStore store, string profile, HttpClient http, TimeProvider time)
{
    // A token that expires within this margin may expire on the way to the service, or in a long call's middle.
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    public static bool NeedsRefresh(DateTimeOffset expiresAt, DateTimeOffset now) => expiresAt - now <= RefreshMargin;

    /// <summary>The tokens as the Directory answered them; the expiry from expires_in, else from the token's exp, else now (refresh next time).</summary>
    public static StoredTokens From(TokenResponse response, string directory, DateTimeOffset now, string? previousRefreshToken = null) =>
        new(directory, response.AccessToken,
            response.RefreshToken ?? previousRefreshToken, // a server that does not rotate refresh tokens keeps the old one valid
            response.ExpiresIn is { } seconds ? now + seconds : AccessTokenClaims.Read(response.AccessToken)?.Expires ?? now);

    public async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        var login = profile == "default" ? "coord login" : $"coord --profile {profile} login";
        var stored = store.Load(profile) ?? throw new SignInRequiredException($"not signed in (profile {profile}); run `{login}`");
        var now = time.GetUtcNow();
        if (!NeedsRefresh(stored.ExpiresAt, now)) return stored.AccessToken;
        if (stored.RefreshToken is null) throw new SignInRequiredException($"the sign-in of profile {profile} has expired; run `{login}`");
        // The refresh token belongs to the Directory that issued it, whatever --directory says now.
        var directory = stored.Directory;
        TokenResponse refreshed;
        try
        {
            var client = new OidcClient(http, await Discovery.ReadAsync(http, directory, ct));
            refreshed = await client.RefreshAsync(stored.RefreshToken, ct);
        }
        catch (HttpRequestException) when (stored.ExpiresAt > now)
        {
            return stored.AccessToken; // the Directory is unreachable, but the token still has seconds to live: try the call
        }
        catch (OidcException ex)
        {
            throw new SignInRequiredException($"the sign-in of profile {profile} could not be renewed ({ex.Message}); run `{login}`");
        }
        var renewed = From(refreshed, directory, now, stored.RefreshToken);
        store.Save(profile, renewed);
        return renewed.AccessToken;
    }
}
