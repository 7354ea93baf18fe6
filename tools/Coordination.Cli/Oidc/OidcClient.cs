using System.Net.Http.Json;
using System.Text.Json;

namespace Coordination.Cli.Oidc;

/// <summary>
/// The token endpoint calls of the public client coordination-cli (no secret: it runs on people's machines).
/// Shared by coord and the bench, which compiles this folder too.
/// </summary>
public sealed class OidcClient(HttpClient http, DirectoryEndpoints endpoints)
{
    public const string ClientId = "coordination-cli";
    // offline_access asks for a refresh token, so a day's work needs one sign-in.
    public const string Scope = "openid offline_access";

    public DirectoryEndpoints Endpoints => endpoints;

    /// <summary>Resource owner password grant; the Directory enables it only in development.</summary>
    public Task<TokenResponse> PasswordAsync(string user, string password, CancellationToken ct) =>
        TokenAsync(new() { ["grant_type"] = "password", ["username"] = user, ["password"] = password, ["scope"] = Scope }, ct);

    public Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken ct) =>
        TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, ct);

    /// <summary>POSTs a form to the token endpoint; an error answer becomes an OidcException with the server's words.</summary>
    public async Task<TokenResponse> TokenAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        var root = await PostAsync(endpoints.TokenEndpoint, form, ct);
        var access = Text(root, "access_token") ?? throw new OidcException("invalid_response", "the Directory answered without an access_token");
        var expiresIn = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        return new TokenResponse(access, Text(root, "refresh_token"), expiresIn);
    }

    /// <summary>POSTs client_id and the form; returns the JSON object of a 2xx answer, throws the error of any other.</summary>
    public async Task<JsonElement> PostAsync(Uri endpoint, Dictionary<string, string> form, CancellationToken ct)
    {
        form["client_id"] = ClientId;
        using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(form), ct);
        JsonElement root;
        try
        {
            root = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).Clone();
        }
        catch (JsonException)
        {
            throw new OidcException("invalid_response", $"{endpoint} answered HTTP {(int)response.StatusCode} without JSON");
        }
        if (response.IsSuccessStatusCode && root.ValueKind == JsonValueKind.Object) return root;
        throw new OidcException(Text(root, "error") ?? $"http_{(int)response.StatusCode}", Text(root, "error_description"));
    }

    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
