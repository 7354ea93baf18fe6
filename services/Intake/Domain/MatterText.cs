using System.Globalization;
using System.Text;

namespace Coordination.Intake.Domain;

/// <summary>
/// Deterministic, explainable matching of "the same matter" (同事): texts are normalised (full-width to
/// half-width, lower case, letters and digits only) and compared by the Jaccard similarity of their
/// character bigrams.
/// </summary>
public static class MatterText
{
    public static string Normalize(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            // Full-width forms (U+FF01..U+FF5E) fold to ASCII by hand: string.Normalize is unavailable under
            // invariant globalization.
            var c = char.ToLowerInvariant(raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw);
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter) kept.Append(c);
        }
        return kept.ToString();
    }

    public static double Similarity(string normalizedA, string normalizedB)
    {
        var a = Bigrams(normalizedA);
        var b = Bigrams(normalizedB);
        if (a.Count == 0 && b.Count == 0) return normalizedA == normalizedB ? 1 : 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static HashSet<string> Bigrams(string s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (s.Length == 1) set.Add(s);
        for (var i = 0; i + 1 < s.Length; i++) set.Add(s.Substring(i, 2));
        return set;
    }
}
