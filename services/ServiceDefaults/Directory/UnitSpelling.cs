using System.Text;

namespace Coordination.ServiceDefaults.Directory;

/// <summary>
/// How a unit may be written in a request: its code in any case, with spaces or underscores for hyphens and
/// full-width letters (NFKC), or its exact Chinese name. Everything that names a unit compares these keys, so
/// no spelling makes one unit look like two (the accusation shield depends on it).
/// </summary>
public static class UnitSpelling
{
    public const int MaxLength = 200;

    /// <summary>The key a code spelling is looked up by; null when the text cannot be a unit at all.</summary>
    public static string? CodeKey(string? spelling)
    {
        if (string.IsNullOrWhiteSpace(spelling) || spelling.Length > MaxLength || !TryNormalize(spelling, out var normalized)) return null;
        var text = normalized.Trim().ToLowerInvariant();
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c)) return null;
            var hyphen = c is '-' or '_' or '‐' or '–' or '—' || char.IsWhiteSpace(c);
            if (hyphen) { if (key.Length > 0 && key[^1] != '-') key.Append('-'); }
            else key.Append(c);
        }
        return key.ToString().TrimEnd('-');
    }

    /// <summary>The key a Chinese name is looked up by: NFKC, no spaces.</summary>
    public static string? NameKey(string? spelling)
    {
        if (string.IsNullOrWhiteSpace(spelling) || spelling.Length > MaxLength || !TryNormalize(spelling, out var text)) return null;
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }

    /// <summary>
    /// Full-width ASCII (U+FF01–FF5E) and the ideographic space as their ASCII forms: what NFKC does for them, done by
    /// hand because the services run with invariant globalization, where Normalize leaves them as they are.
    /// </summary>
    private static string FoldFullWidth(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
        }
    });

    /// <summary>The spelling as it may be echoed in an error message: printable and short.</summary>
    public static string Shown(string spelling)
    {
        var printable = new string(spelling.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(64).ToArray());
        return spelling.Length > 64 ? printable + "…" : printable;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    private static bool TryNormalize(string text, out string normalized)
    {
        normalized = "";
        if (HasLoneSurrogate(text)) return false; // malformed Unicode
        try
        {
            normalized = FoldFullWidth(text.Normalize(NormalizationForm.FormKC));
            return !normalized.Any(char.IsControl);
        }
        catch (ArgumentException) // lone surrogates: malformed Unicode
        {
            normalized = "";
            return false;
        }
    }
}
