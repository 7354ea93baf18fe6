using System.Net.Http.Json;
using System.Text.Json;

namespace Coordination.Cli.Oidc;

/// <summary>The Directory's endpoints, as its discovery document names them.</summary>
public sealed record DirectoryEndpoints(Uri TokenEndpoint, Uri? DeviceAuthorizationEndpoint);

/// <summary>
/// Reads /.well-known/openid-configuration so that the Directory, not the client, decides where its endpoints live
/// (OpenIddict lets it move them; a hard-coded path would break silently).
/// </summary>
public static class Discovery
{
    public const string DefaultDirectory = "http://127.0.0.1:5206/";

    /// <summary>--directory, else COORD_DIRECTORY, else the stored profile's, else the development default.</summary>
    public static string Resolve(string? option, string? stored = null) =>
        option ?? Environment.GetEnvironmentVariable("COORD_DIRECTORY") ?? stored ?? DefaultDirectory;

    public static async Task<DirectoryEndpoints> ReadAsync(HttpClient http, string directory, CancellationToken ct)
    {
        var document = new Uri(new Uri(directory.TrimEnd('/') + "/"), ".well-known/openid-configuration");
        using var response = await http.GetAsync(document, ct);
        if (!response.IsSuccessStatusCode)
            throw new OidcException("discovery_failed", $"{document} answered HTTP {(int)response.StatusCode}; is {directory} the Directory?");
        using var json = await response.Content.ReadFromJsonAsync<JsonDocument>(ct)
            ?? throw new OidcException("discovery_failed", $"{document} is empty");
        var root = json.RootElement;
        var token = Text(root, "token_endpoint") ?? throw new OidcException("discovery_failed", $"{document} names no token_endpoint");
        var device = Text(root, "device_authorization_endpoint");
        return new DirectoryEndpoints(new Uri(token), device is null ? null : new Uri(device));
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
