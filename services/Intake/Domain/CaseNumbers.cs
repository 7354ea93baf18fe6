using Coordination.ServiceDefaults.Time;

namespace Coordination.Intake.Domain;

/// <summary>Case numbers people can read and say: region, year, sequence (e.g. 320102-2026-000042).</summary>
public static class CaseNumbers
{
    /// <summary>Years turn at midnight in China Standard Time, not UTC.</summary>
    public static int YearOf(DateTimeOffset registeredAt) => registeredAt.ToOffset(WorkingDays.BureauOffset).Year;

    public static string Format(string regionCode, int year, long sequence) => $"{regionCode}-{year}-{sequence:D6}";
}
