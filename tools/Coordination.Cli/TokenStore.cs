using System.Text.Json;
using System.Text.RegularExpressions;

namespace Coordination.Cli;

/// <summary>One profile's sign-in: the tokens and the Directory that issued them (a refresh must go back to it).</summary>
public sealed record StoredTokens(string Directory, string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>
/// Keeps each profile's tokens in &lt;root&gt;/&lt;profile&gt;.json, readable by the owner only (mode 600, folder 700): a
/// refresh token is as good as a password until it expires. Several profiles let a clerk, a department and a bureau
/// be signed in at once on one machine.
/// </summary>
public sealed partial class TokenStore(string root)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>$XDG_CONFIG_HOME/coordination, else ~/.config/coordination (the XDG default).</summary>
    public static TokenStore Default()
    {
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(config)) config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return new TokenStore(Path.Combine(config, "coordination"));
    }

    public string PathOf(string profile) =>
        ProfileName().IsMatch(profile)
            ? Path.Combine(root, profile + ".json")
            : throw new UsageException($"profile '{profile}': use letters, digits, '.', '_' or '-' (it names a file)");

    public StoredTokens? Load(string profile)
    {
        var path = PathOf(profile);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<StoredTokens>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null; // a damaged file is a missing sign-in: coord login writes it again
        }
    }

    /// <summary>Writes a new file with mode 600 and moves it over the old one, so no reader sees half a file and the mode is never wider.</summary>
    public void Save(string profile, StoredTokens tokens)
    {
        var path = PathOf(profile);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(root);
        else Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temporary = path + $".{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
            JsonSerializer.Serialize(stream, tokens, Json);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Forgets the profile's tokens; false when there were none.</summary>
    public bool Delete(string profile)
    {
        var path = PathOf(profile);
        if (!File.Exists(path)) return false;
        File.Delete(path);
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex ProfileName();
}
