using Coordination.Cli.Oidc;

namespace Coordination.Bench;

/// <summary>
/// The clerk's bearer token: --token / COORD_TOKEN as given, else the password grant at the Directory (enabled on a
/// development Directory only) for --user, clerk.nanjing by default. Fetched once: a run is shorter than a token's life.
/// </summary>
public static class ClerkToken
{
    public static async Task<string> GetAsync(BenchOptions options)
    {
        if (options.Token is { } token) return token;
        var password = options.Password
            ?? throw new InvalidOperationException($"give --token or COORD_TOKEN, or the password of {options.User} with --password or COORD_PASSWORD");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var client = new OidcClient(http, await Discovery.ReadAsync(http, options.Directory, CancellationToken.None));
        return (await client.PasswordAsync(options.User, password, CancellationToken.None)).AccessToken;
    }
}
