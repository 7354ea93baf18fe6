using System.Text.RegularExpressions;

namespace Coordination.Directory.Domain;

/// <summary>Canonical unit codes: lower-case ASCII words joined by single hyphens, so every service spells a unit one way.</summary>
public static partial class UnitCode
{
    public const int MaxLength = Coordination.Contracts.FieldLimits.UnitCode;

    public static bool IsValid(string? code) => code is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
