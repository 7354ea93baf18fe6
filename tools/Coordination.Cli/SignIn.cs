using Coordination.Cli.Oidc;

namespace Coordination.Cli;

/// <summary>login, logout, whoami and token: the commands about who coord acts for, one profile at a time.</summary>
public sealed class SignIn(TokenStore store, string profile, HttpClient http, TimeProvider time)
{
    public async Task<int> LoginAsync(Arguments a, CancellationToken ct)
    {
        var directory = Discovery.Resolve(a.Get("directory"), store.Load(profile)?.Directory);
        var client = new OidcClient(http, await Discovery.ReadAsync(http, directory, ct));
        var response = a.Get("user") is { } user
            ? await client.PasswordAsync(user, a.Get("password") ?? PasswordPrompt.Read(user), ct)
            : await DeviceLoginAsync(client, ct);
        var tokens = Session.From(response, directory, time.GetUtcNow());
        store.Save(profile, tokens);
        Console.WriteLine($"signed in as {Describe(tokens)}");
        return 0;
    }

    public Task<int> LogoutAsync()
    {
        Console.WriteLine(store.Delete(profile) ? $"signed out (profile {profile})" : $"not signed in (profile {profile})");
        return Task.FromResult(0);
    }

    public Task<int> WhoAmIAsync()
    {
        var tokens = store.Load(profile) ?? throw new SignInRequiredException($"not signed in (profile {profile}); run `coord login`");
        Console.WriteLine($"{Describe(tokens)} (profile {profile}, Directory {tokens.Directory})");
        if (tokens.ExpiresAt <= time.GetUtcNow())
            Console.WriteLine(tokens.RefreshToken is null ? "the token has expired: run `coord login`" : "the token has expired: the next command renews it");
        return Task.FromResult(0);
    }

    /// <summary>An access token by the password grant, printed and not stored: for scripts and tests against a development Directory.</summary>
    public async Task<int> TokenAsync(Arguments a, CancellationToken ct)
    {
        var user = a.Get("user") ?? throw new UsageException("token needs --user NAME");
        var directory = Discovery.Resolve(a.Get("directory"));
        var client = new OidcClient(http, await Discovery.ReadAsync(http, directory, ct));
        Console.WriteLine((await client.PasswordAsync(user, a.Get("password") ?? PasswordPrompt.Read(user), ct)).AccessToken);
        return 0;
    }

    private static async Task<TokenResponse> DeviceLoginAsync(OidcClient client, CancellationToken ct)
    {
        var flow = new DeviceFlow(client);
        var authorization = await flow.StartAsync(ct);
        // On standard error: standard output keeps only the result, for scripts.
        if (authorization.VerificationUriComplete is { } complete)
            Console.Error.WriteLine($"To sign in, open {complete}");
        Console.Error.WriteLine($"{(authorization.VerificationUriComplete is null ? "To sign in, open" : "or open")} {authorization.VerificationUri} and enter the code {authorization.UserCode}");
        Console.Error.WriteLine($"Waiting for approval (the code expires in {authorization.ExpiresIn.TotalMinutes:0} minutes) ...");
        return await flow.PollAsync(authorization, (interval, token) => Task.Delay(interval, token), ct);
    }

    private static string Describe(StoredTokens tokens)
    {
        var claims = AccessTokenClaims.Read(tokens.AccessToken);
        var who = claims?.Describe() ?? "a user whose token coord cannot read";
        return $"{who}; token valid until {AccessTokenClaims.Format(claims?.Expires ?? tokens.ExpiresAt)}";
    }
}
