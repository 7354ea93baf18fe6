using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coordination.Grpc.Directory;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Talks to the Directory's sign-in server the way its clients do: over HTTP, following no redirect by itself.</summary>
public sealed partial class DirectorySignIn : IDisposable
{
    private readonly SystemFixture system;

    public const string Cli = "coordination-cli", Console = "coordination-console";
    public const string ConsoleRedirect = "http://127.0.0.1:5300/signin-oidc";
    public const string Scopes = "openid profile offline_access coordination";

    public CookieContainer Cookies { get; } = new();
    /// <summary>A browser of its own (cookies), one per test.</summary>
    public HttpClient Http { get; }
    public string Issuer => $"http://127.0.0.1:{system.Directory.HttpPort}/";

    public DirectorySignIn(SystemFixture system)
    {
        this.system = system;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = new Uri(Issuer) };
    }

    public Task<HttpResponseMessage> TokenAsync(params (string Key, string Value)[] form) =>
        Http.PostAsync("connect/token", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    public Task<HttpResponseMessage> PasswordAsync(string login, string password) =>
        TokenAsync(("grant_type", "password"), ("client_id", Cli), ("username", login), ("password", password), ("scope", Scopes));

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        TokenAsync(("grant_type", "refresh_token"), ("client_id", Cli), ("refresh_token", refreshToken));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>());

    /// <summary>A token for a person, by the password grant; fails the test when refused.</summary>
    public async Task<string> AccessTokenAsync(string login, string password)
    {
        var response = await PasswordAsync(login, password);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"password grant for {login}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public static Metadata Bearer(string accessToken) => new() { { "Authorization", "Bearer " + accessToken } };

    public async Task<Metadata> AdministratorAsync() => Bearer(await AccessTokenAsync("admin", system.DirectoryAdministratorPassword));

    public DirectoryService.DirectoryServiceClient Api => new(system.Directory.Channel);

    /// <summary>Registers a person of the given role and returns their login; the password is <paramref name="password"/>.</summary>
    public async Task<string> NewPersonAsync(string role, string unit, string password, string title = "")
    {
        var login = $"{role}.{Guid.NewGuid():N}"[..24];
        await Api.RegisterPersonAsync(new RegisterPersonRequest
        {
            Login = login, Name = "测试用户", UnitCode = unit, Role = role, LeaderTitle = title, Password = password,
        }, await AdministratorAsync());
        return login;
    }

    /// <summary>Checks the token's signature, issuer, audience and lifetime against the keys the discovery document publishes.</summary>
    public async Task<JsonWebToken> ValidateAsync(string accessToken)
    {
        var discovery = await Http.GetFromJsonAsync<JsonElement>(".well-known/openid-configuration");
        Assert.Equal(Issuer, discovery.GetProperty("issuer").GetString());
        var jwks = new JsonWebKeySet(await Http.GetStringAsync(discovery.GetProperty("jwks_uri").GetString()));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = Issuer, ValidAudience = "coordination", IssuerSigningKeys = jwks.GetSigningKeys(), ValidAlgorithms = ["RS256"],
        });
        Assert.True(result.IsValid, $"token did not validate: {result.Exception?.Message}");
        return (JsonWebToken)result.SecurityToken;
    }

    /// <summary>Signs in through the login page (antiforgery token and all); returns where it redirected.</summary>
    public async Task<HttpResponseMessage> LoginFormAsync(string login, string password, string returnUrl)
    {
        var page = await Http.GetStringAsync("account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        return await Http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page), ["username"] = login, ["password"] = password, ["ReturnUrl"] = returnUrl,
        }));
    }

    public static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token in " + html));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public void Dispose() => Http.Dispose();
}
