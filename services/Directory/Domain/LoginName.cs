using System.Text.RegularExpressions;

namespace Coordination.Directory.Domain;

/// <summary>Login names become the tokens' "sub" claim, so they are plain lower-case ASCII.</summary>
public static partial class LoginName
{
    public static bool IsValid(string? login) => login is { Length: >= 2 and <= 64 } && Pattern().IsMatch(login);

    public static string Canonical(string spelling) => spelling.Trim().ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
