namespace Coordination.Directory.Domain;

/// <summary>Free text a person gives (names, titles): bounded and free of control characters and broken UTF-16.</summary>
public static class Text
{
    public static bool IsClean(string value, int maxLength)
    {
        if (value.Length > maxLength) return false;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i])) return false;
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(value[i])) return false; // a lone half of a pair cannot be stored as UTF-8
        }
        return true;
    }

    public static bool IsRequiredClean(string value, int maxLength) => value.Trim().Length > 0 && IsClean(value, maxLength);
}
