using Coordination.Grpc.Assignment;
using Coordination.Grpc.Directory;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Time;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// The administrator changes the working calendar at the Directory (ADR 19): every service's copy takes the new version,
/// and the next registration counts with it. Bad days are refused per field; nobody else may change it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_working_calendar_is_changed(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private DirectoryService.DirectoryServiceClient Directory => new(system.Directory.Channel);
    private readonly DirectorySignIn _signIn = new(system);

    /// <summary>The Directory answers only people it knows: a bureau member signed in for this test.</summary>
    private async Task<Metadata> SignedInBureauAsync()
    {
        const string password = "Test-Passw0rd-calendar";
        var login = await _signIn.NewPersonAsync("bureau", "nanjing-petition-bureau", password);
        return DirectorySignIn.Bearer(await _signIn.AccessTokenAsync(login, password));
    }

    [Fact]
    public async Task A_new_holiday_moves_the_next_registrations_limits_in_every_service()
    {
        var today = WorkingDays.DayOf(DateTimeOffset.UtcNow);
        var holiday = NextWeekday(today.AddDays(1));
        var bureau = await SignedInBureauAsync();
        var before = await Directory.GetWorkingCalendarAsync(new GetWorkingCalendarRequest(), bureau);
        try
        {
            var changed = await Directory.ChangeWorkingCalendarAsync(new ChangeWorkingCalendarRequest
                { Days = { new CalendarDay { Date = $"{holiday:yyyy-MM-dd}", Kind = "holiday", Name = "测试假日" } } }, Callers.Administrator());
            Assert.Equal(before.Version + 1, changed.Version);
            Assert.Contains(changed.Days, d => d.Date == $"{holiday:yyyy-MM-dd}" && d.Kind == "holiday");
            foreach (var service in new[] { system.Assignment, system.LegalDiversion, system.JointMeeting, system.Intake, system.Reporting })
                await Eventually.UntilAsync(service.CalendarVersionAsync, v => v == changed.Version, $"{service.Name} to copy calendar version {changed.Version}");

            var handOver = await new CaseFlow(system.Assignment.Channel).AssignedAsync(system.Intake.Channel);
            var expected = ThreeWorkingDaysFrom(WorkingDays.DayOf(handOver.AssignedAt.ToDateTimeOffset()), holiday);
            Assert.Equal(expected, handOver.AcknowledgeDueAt.ToDateTimeOffset());
        }
        finally
        {
            await Directory.ChangeWorkingCalendarAsync(new ChangeWorkingCalendarRequest
                { Days = { new CalendarDay { Date = $"{holiday:yyyy-MM-dd}", Kind = "ordinary" } } }, Callers.Administrator());
        }
        var restored = await Directory.GetWorkingCalendarAsync(new GetWorkingCalendarRequest { Year = holiday.Year }, bureau);
        Assert.DoesNotContain(restored.Days, d => d.Date == $"{holiday:yyyy-MM-dd}");
        Assert.Equal(before.Version + 2, restored.Version);
    }

    [Fact]
    public async Task Bad_days_are_refused_per_field_and_nothing_changes()
    {
        var before = await Directory.GetWorkingCalendarAsync(new GetWorkingCalendarRequest(), Callers.Administrator());
        var today = WorkingDays.DayOf(DateTimeOffset.UtcNow);
        var ex = await Refused(() => Directory.ChangeWorkingCalendarAsync(new ChangeWorkingCalendarRequest
        {
            Days =
            {
                new CalendarDay { Date = $"{today.AddDays(-1):yyyy-MM-dd}", Kind = "holiday", Name = "昨天" },
                new CalendarDay { Date = $"{NextWeekday(today.AddDays(1)):yyyy-MM-dd}", Kind = "workday", Name = "工作日调休" },
                new CalendarDay { Date = "2099-13-01", Kind = "holiday", Name = "x" },
                new CalendarDay { Date = "2099-01-01", Kind = "holiday", Name = "" },
                new CalendarDay { Date = "2099-01-02", Kind = "festival", Name = "x" },
            },
        }, Callers.Administrator()).ResponseAsync, StatusCode.InvalidArgument);
        foreach (var field in new[] { "days[0].date", "days[1].kind", "days[2].date", "days[3].name", "days[4].kind" })
            Assert.Contains(field + ":", ex.Status.Detail);
        await Refused(() => Directory.ChangeWorkingCalendarAsync(new ChangeWorkingCalendarRequest(), Callers.Administrator()).ResponseAsync,
            StatusCode.InvalidArgument, "days");
        var bureau = await SignedInBureauAsync();
        await Refused(() => Directory.ChangeWorkingCalendarAsync(new ChangeWorkingCalendarRequest
            { Days = { new CalendarDay { Date = "2099-01-05", Kind = "holiday", Name = "x" } } }, bureau).ResponseAsync, StatusCode.PermissionDenied);
        var after = await Directory.GetWorkingCalendarAsync(new GetWorkingCalendarRequest(), Callers.Administrator());
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Days, after.Days);
    }

    private static DateOnly NextWeekday(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }

    /// <summary>Counted by hand: weekdays only, less the test's holiday (no official day falls in these weeks).</summary>
    private static DateTimeOffset ThreeWorkingDaysFrom(DateOnly start, DateOnly holiday)
    {
        var day = start;
        for (var counted = 0; counted < 3;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && day != holiday) counted++;
        }
        return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Cst);
    }
}
