using System.CommandLine;
using Grpc.Core;

namespace Coordination.Cli;

/// <summary>The options every command takes: who calls (--profile, --token, --directory) and how replies print (--json).</summary>
public sealed class GlobalOptions
{
    public Option<string> Profile { get; } = new("--profile") { Description = "the signed-in profile to use (COORD_PROFILE; default \"default\")", Recursive = true };
    public Option<string> Directory { get; } = new("--directory") { Description = "the Directory's address (COORD_DIRECTORY; http://127.0.0.1:5206/)", Recursive = true };
    public Option<string> Token { get; } = new("--token") { Description = "use this access token as is", Recursive = true };
    public Option<bool> Json { get; } = new("--json") { Description = "print replies as JSON (for scripts) instead of tables", Recursive = true };
    public Option<string> Rabbit { get; } = new("--rabbit") { Description = "RabbitMQ's management API, for `errors` (COORD_RABBIT)", Recursive = true };
    public Option<string> Vhost { get; } = new("--vhost") { Description = "RabbitMQ's virtual host, for `errors` (/)", Recursive = true };

    public IEnumerable<Option> All => [Profile, Directory, Token, Json, Rabbit, Vhost];

    /// <summary>The global options as the older commands read them (--name value, --json), to pass them on.</summary>
    public IEnumerable<string> AsArguments(ParseResult parsed)
    {
        foreach (var option in new[] { Profile, Directory, Token, Rabbit, Vhost })
            if (parsed.GetValue(option) is { } value) yield return option.Name + "\u0000" + value;
        if (parsed.GetValue(Json)) yield return Json.Name;
    }

    public string ProfileName(ParseResult parsed) => parsed.GetValue(Profile) ?? Environment.GetEnvironmentVariable("COORD_PROFILE") ?? "default";

    public async Task<CallerSession> SessionAsync(ParseResult parsed, CancellationToken ct)
    {
        if (parsed.GetValue(Token) is { Length: > 0 } token) return new CallerSession(token);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return new CallerSession(await new Session(TokenStore.Default(), ProfileName(parsed), http, TimeProvider.System).AccessTokenAsync(ct));
    }
}

/// <summary>The bearer token a command calls with.</summary>
public sealed record CallerSession(string AccessToken)
{
    public Metadata Headers { get; } = new() { { "Authorization", $"Bearer {AccessToken}" } };
}
