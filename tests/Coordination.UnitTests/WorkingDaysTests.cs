using Coordination.ServiceDefaults.Time;
using Coordination.Assignment.Domain;

namespace Coordination.UnitTests;

public sealed class WorkingDaysTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly IReadOnlySet<DateOnly> NoHolidays = new HashSet<DateOnly>();

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
        var holidays = Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)).ToHashSet();
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 0, 0, 0, Cst), WorkingDays.DueAt(beforeNationalDay, 3, holidays)); // Oct 8, 9, 12
    }

    [Fact]
    public void The_day_is_taken_in_China_Standard_Time()
    {
        // 17:00 UTC on Monday is already Tuesday 01:00 in Nanjing.
        var lateMondayUtc = new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, Cst), WorkingDays.DueAt(lateMondayUtc, 3, NoHolidays)); // Wed, Thu, Fri
    }
}
