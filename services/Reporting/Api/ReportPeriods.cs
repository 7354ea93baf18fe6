using System.Text.RegularExpressions;

namespace Coordination.Reporting.Api;

/// <summary>The periods reports are asked for, read the same way over gRPC and HTTP.</summary>
public static partial class ReportPeriods
{
    /// <summary>yyyy-MM.</summary>
    public static bool IsMonth(string text) => DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", out _);

    /// <summary>yyyy-Qn, e.g. 2026-Q3.</summary>
    public static bool TryQuarter(string text, out int year, out int quarter)
    {
        var match = QuarterPattern().Match(text);
        (year, quarter) = match.Success ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : (0, 0);
        return match.Success;
    }

    [GeneratedRegex("^(20[0-9]{2})-Q([1-4])$")]
    private static partial Regex QuarterPattern();
}
