namespace Coordination.ServiceDefaults.Time;

/// <summary>
/// How a limit was counted from its start: so many working days, or so many days rolled to a working day. Kept on the
/// limit, so that a change of the working calendar counts a limit that has not passed again (ADR 19).
/// </summary>
public sealed record DeadlineTerm(string Kind, int Days)
{
    public const string WorkingDays = "working_days", CalendarDays = "days";

    public static DeadlineTerm Working(int days) => new(WorkingDays, days);
    public static DeadlineTerm Calendar(int days) => new(CalendarDays, days);

    public DateTimeOffset DueFrom(DateTimeOffset start, BusinessCalendar calendar) =>
        Kind == WorkingDays ? calendar.AfterWorkingDays(start, Days) : calendar.AfterCalendarDays(start, Days);
}
