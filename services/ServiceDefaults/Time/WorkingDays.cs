namespace Coordination.ServiceDefaults.Time;

/// <summary>
/// Working-day limits (DOMAIN.md, time limits): counting starts the next day, weekends and holidays do not
/// count (make-up working days do), and the limit ends at the close of its last day in China Standard Time.
/// </summary>
public static class WorkingDays
{
    public static readonly TimeSpan BureauOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset DueAt(DateTimeOffset start, int workingDays, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        var day = DayOf(start);
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day)) counted++;
        }
        return EndOf(day);
    }

    /// <summary>The calendar day an instant falls on in Nanjing.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(BureauOffset).DateTime);

    /// <summary>The close of a day in Nanjing, as a UTC instant: where every day-based limit ends.</summary>
    public static DateTimeOffset EndOf(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), BureauOffset).ToUniversalTime();

}
