namespace Coordination.ServiceDefaults.Time;

/// <summary>
/// Due instants (DOMAIN.md): counting starts the next day; calendar-day limits ending on a weekend or holiday roll
/// to the next working day (a make-up working day is one); working-day limits skip them; a limit ends at the close of its last day (UTC+8).
/// </summary>
public sealed class BusinessCalendar(WorkingCalendar days)
{
    public WorkingCalendar Days { get; } = days;

    public DateTimeOffset AfterCalendarDays(DateTimeOffset start, int days)
    {
        var last = WorkingDays.DayOf(start).AddDays(days);
        while (!Days.IsWorkingDay(last)) last = last.AddDays(1);
        return WorkingDays.EndOf(last);
    }

    public DateTimeOffset AfterWorkingDays(DateTimeOffset start, int days) => WorkingDays.DueAt(start, days, Days);

}
