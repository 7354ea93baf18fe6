using System.Globalization;
using System.Text.Json;

namespace Coordination.Cli;

/// <summary>
/// Who a token says it is. coord only shows this to the person and does not check the signature: the services do
/// that on every call, and a forged token gains nothing here.
/// </summary>
public sealed record AccessTokenClaims(string Subject, string? UserName, string? Name, string? Role, string? Unit, string? Region, DateTimeOffset? Expires)
{
    public static AccessTokenClaims? Read(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length < 2) return null;
        try
        {
            using var payload = JsonDocument.Parse(Base64Url(parts[1]));
            var root = payload.RootElement;
            DateTimeOffset? expires = root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
            return new AccessTokenClaims(Claim(root, "sub") ?? "?", Claim(root, "preferred_username"), Claim(root, "name"),
                Claim(root, "role"), Claim(root, "unit"), Claim(root, "region"), expires);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>"王芳 (dept.xuanwu-housing), department of xuanwu-housing-office, region 320102"</summary>
    public string Describe()
    {
        var who = Name is null ? UserName ?? Subject : $"{Name} ({UserName ?? Subject})";
        var role = Role is null ? "" : Unit is null ? $", {Role}" : $", {Role} of {Unit}";
        return who + role + (Region is null ? "" : $", region {Region}");
    }

    public static string Format(DateTimeOffset instant) =>
        instant.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    // A claim may be a string or, when repeated (several roles), an array: shown joined.
    private static string? Claim(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var v) ? null
        : v.ValueKind == JsonValueKind.Array ? string.Join(",", v.EnumerateArray().Select(e => e.ToString()))
        : v.ValueKind == JsonValueKind.Null ? null
        : v.ToString();

    private static byte[] Base64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
