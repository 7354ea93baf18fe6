namespace Coordination.ServiceDefaults.Time;

/// <summary>
/// Working-day limits (DOMAIN.md, time limits): counting starts the next day, weekends and listed holidays
/// do not count, and the limit ends at the close of its last day in China Standard Time.
/// </summary>
public static class WorkingDays
{
    public static readonly TimeSpan BureauOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset DueAt(DateTimeOffset start, int workingDays, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        var day = DateOnly.FromDateTime(start.ToOffset(BureauOffset).DateTime);
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, holidays)) counted++;
        }
        var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(endOfDay, BureauOffset).ToUniversalTime();
    }

    public static bool IsWorkingDay(DateOnly day, IReadOnlySet<DateOnly> holidays) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
}
