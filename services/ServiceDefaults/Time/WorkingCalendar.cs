namespace Coordination.ServiceDefaults.Time;

/// <summary>
/// Which days are worked (DOMAIN.md, time limits): Monday to Friday, except public holidays, plus make-up working days
/// (调休: a Saturday or Sunday the State Council makes a working day). Pure data; the Directory owns it (ADR 19).
/// </summary>
public sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays, IReadOnlySet<DateOnly> makeUpWorkingDays)
{
    public static readonly WorkingCalendar WeekdaysOnly = new(new HashSet<DateOnly>(), new HashSet<DateOnly>());

    public IReadOnlySet<DateOnly> Holidays { get; } = holidays;
    public IReadOnlySet<DateOnly> MakeUpWorkingDays { get; } = makeUpWorkingDays;

    public bool IsWorkingDay(DateOnly day) =>
        MakeUpWorkingDays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day));

    public static WorkingCalendar Of(IEnumerable<(DateOnly Day, bool Working)> days)
    {
        var list = days.ToList();
        return new WorkingCalendar(list.Where(d => !d.Working).Select(d => d.Day).ToHashSet(), list.Where(d => d.Working).Select(d => d.Day).ToHashSet());
    }
}
