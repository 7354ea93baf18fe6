namespace Coordination.Intake.Domain;

/// <summary>The administrative level of a 6-digit region code: 1 province, 2 city, 3 county.</summary>
public static class RegionLevels
{
    public static int Of(string regionCode) =>
        regionCode.EndsWith("0000", StringComparison.Ordinal) ? 1 : regionCode.EndsWith("00", StringComparison.Ordinal) ? 2 : 3;
}
