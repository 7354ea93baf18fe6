using Coordination.ServiceDefaults.Time;
using Coordination.Assignment.Domain;

namespace Coordination.UnitTests;

public sealed class WorkingDaysTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly WorkingCalendar NoHolidays = WorkingCalendar.WeekdaysOnly;

    [Fact]
    public void Counting_starts_the_next_day_and_ends_at_the_close_of_the_last_day()
    {
        var monday = new DateTimeOffset(2026, 11, 23, 10, 0, 0, Cst);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, Cst), WorkingDays.DueAt(monday, 3, NoHolidays)); // Tue, Wed, Thu
    }

    [Fact]
    public void Weekends_do_not_count()
    {
        var thursday = new DateTimeOffset(2026, 11, 26, 16, 0, 0, Cst);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, Cst), WorkingDays.DueAt(thursday, 3, NoHolidays)); // Fri, Mon, Tue
    }

    [Fact]
    public void Listed_holidays_roll_the_limit_over()
    {
        var beforeNationalDay = new DateTimeOffset(2026, 9, 30, 9, 0, 0, Cst);
        var holidays = new WorkingCalendar(Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)).ToHashSet(), new HashSet<DateOnly>());
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 0, 0, 0, Cst), WorkingDays.DueAt(beforeNationalDay, 3, holidays)); // Oct 8, 9, 12
    }

    [Fact]
    public void The_day_is_taken_in_China_Standard_Time()
    {
        // 17:00 UTC on Monday is already Tuesday 01:00 in Nanjing.
        var lateMondayUtc = new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, Cst), WorkingDays.DueAt(lateMondayUtc, 3, NoHolidays)); // Wed, Thu, Fri
    }

    [Fact]
    public void A_make_up_working_day_counts_even_on_a_weekend()
    {
        // The State Council's 2026 calendar: 1-7 October off, Saturday 10 October worked (调休).
        var calendar = OfficialWorkingCalendar();
        var mondayBefore = new DateTimeOffset(2026, 9, 28, 9, 0, 0, Cst);
        Assert.Equal(new DateTimeOffset(2026, 10, 11, 0, 0, 0, Cst), WorkingDays.DueAt(mondayBefore, 5, calendar)); // Sep 29, 30, Oct 8, 9, Sat 10
        Assert.Equal(new DateTimeOffset(2026, 10, 14, 0, 0, 0, Cst), WorkingDays.DueAt(mondayBefore, 7, calendar)); // … Mon 12, Tue 13
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 9, 20)));  // Sunday, worked
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 3))); // Saturday, off anyway
    }

    [Fact]
    public void The_official_2026_calendar_names_each_holiday_and_make_up_day_once()
    {
        var days = Coordination.ServiceDefaults.Calendar.OfficialCalendar.Days;
        Assert.Equal(days.Length, days.Select(d => d.Date).Distinct().Count());
        Assert.Equal(33, days.Count(d => d.Kind == "holiday")); // 3 + 9 + 3 + 5 + 3 + 3 + 7
        Assert.All(days.Where(d => d.Kind == "workday"), d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.Equal(6, days.Count(d => d.Kind == "workday"));
    }

    private static WorkingCalendar OfficialWorkingCalendar() =>
        WorkingCalendar.Of(Coordination.ServiceDefaults.Calendar.OfficialCalendar.Days.Select(d => (d.Date, d.Kind == "workday")));
}
