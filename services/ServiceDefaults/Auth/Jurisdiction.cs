namespace Coordination.ServiceDefaults.Auth;

/// <summary>
/// Region codes are 6-digit administrative division codes: 32 0000 is a province, 3201 00 a city in it,
/// 320102 a county of that city. A jurisdiction covers every code that starts with its significant digits.
/// </summary>
public static class Jurisdiction
{
    public static string Prefix(string regionCode)
    {
        if (regionCode.EndsWith("0000", StringComparison.Ordinal)) return regionCode[..2];
        if (regionCode.EndsWith("00", StringComparison.Ordinal)) return regionCode[..4];
        return regionCode;
    }

    public static bool Covers(string jurisdiction, string regionCode) =>
        IsRegionCode(jurisdiction) && IsRegionCode(regionCode) && regionCode.StartsWith(Prefix(jurisdiction), StringComparison.Ordinal);

    public static bool IsRegionCode(string? value) =>
        value is { Length: 6 } && value.All(char.IsAsciiDigit) && !value.StartsWith("00", StringComparison.Ordinal);
}
