using Coordination.Intake.Domain;

namespace Coordination.UnitTests;

public sealed class CaseNumbersTests
{
    [Fact]
    public void Format_is_region_year_and_six_digit_sequence() => Assert.Equal("320102-2026-000042", CaseNumbers.Format("320102", 2026, 42));

    [Fact]
    public void The_year_turns_at_midnight_in_China_not_in_UTC()
    {
        var newYearInNanjing = new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero); // 00:30 on 1 January in UTC+8
        Assert.Equal(2027, CaseNumbers.YearOf(newYearInNanjing));
        Assert.Equal(2026, CaseNumbers.YearOf(newYearInNanjing.AddHours(-1)));
    }
}
