namespace Coordination.ServiceDefaults.Calendar;

/// <summary>A named day of the working calendar (table working_calendar_days): the Directory's own, every other service's copy.</summary>
public sealed class CalendarDayRow
{
    public DateOnly Day { get; init; }
    /// <summary>One of CalendarDayKinds: holiday or workday (调休).</summary>
    public required string Kind { get; init; }
    public required string Name { get; init; }
}

/// <summary>The one row saying which version of the calendar the days are (table working_calendar).</summary>
public sealed class CalendarVersionRow
{
    public int Id { get; init; } = 1;
    public int Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
