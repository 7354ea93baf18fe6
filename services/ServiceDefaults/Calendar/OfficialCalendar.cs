using Coordination.Contracts.Directory;

namespace Coordination.ServiceDefaults.Calendar;

/// <summary>
/// The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知), version 1 of the working calendar in
/// every database. 2026: notice of 4 November 2025. 2027 is not seeded: its notice was not at hand; an administrator
/// adds it through DirectoryService.ChangeWorkingCalendar when published.
/// </summary>
public static class OfficialCalendar
{
    public const int Version = 1;

    public static readonly CalendarDay[] Days =
    [
        .. Holidays("元旦", new(2026, 1, 1), new(2026, 1, 3)), Workday("元旦调休", new(2026, 1, 4)),
        .. Holidays("春节", new(2026, 2, 15), new(2026, 2, 23)), Workday("春节调休", new(2026, 2, 14)), Workday("春节调休", new(2026, 2, 28)),
        .. Holidays("清明节", new(2026, 4, 4), new(2026, 4, 6)),
        .. Holidays("劳动节", new(2026, 5, 1), new(2026, 5, 5)), Workday("劳动节调休", new(2026, 5, 9)),
        .. Holidays("端午节", new(2026, 6, 19), new(2026, 6, 21)),
        .. Holidays("中秋节", new(2026, 9, 25), new(2026, 9, 27)),
        .. Holidays("国庆节", new(2026, 10, 1), new(2026, 10, 7)), Workday("国庆节调休", new(2026, 9, 20)), Workday("国庆节调休", new(2026, 10, 10)),
    ];

    public static CalendarDayRow[] Rows => Days.OrderBy(d => d.Date).Select(d => new CalendarDayRow { Day = d.Date, Kind = d.Kind, Name = d.Name }).ToArray();

    private static IEnumerable<CalendarDay> Holidays(string name, DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1)) yield return new CalendarDay { Date = day, Kind = CalendarDayKinds.Holiday, Name = name };
    }

    private static CalendarDay Workday(string name, DateOnly day) => new() { Date = day, Kind = CalendarDayKinds.MakeUpWorkingDay, Name = name };
}
