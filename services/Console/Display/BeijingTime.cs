using Google.Protobuf.WellKnownTypes;

namespace Coordination.Console.Display;

/// <summary>Instants as people in China read them (UTC+8, no daylight saving), and what is left of a time limit in working days.</summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static string Format(Timestamp? t) => t is null ? "—" : Format(t.ToDateTimeOffset());
    public static string Format(DateTimeOffset instant) => Of(instant).ToString("yyyy-MM-dd HH:mm");
    public static string Date(Timestamp? t) => t is null ? "—" : Of(t.ToDateTimeOffset()).ToString("yyyy-MM-dd");

    /// <summary>The last day of a limit that ends at midnight (the services store "by the 19th" as the 20th, 00:00).</summary>
    public static string LastDay(Timestamp? t) => t is null ? "—" : Of(t.ToDateTimeOffset().AddTicks(-1)).ToString("yyyy-MM-dd");

    /// <summary>
    /// Working days (Monday to Friday, Beijing dates) from today to the due day, negative once it has passed. Holidays come
    /// from Assignment's calendar, which decides the real limits; this countdown is the reader's guide.
    /// </summary>
    public static int WorkingDaysLeft(DateTimeOffset due, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(Of(now).DateTime);
        // A limit ending at midnight belongs to the day before it.
        var dueDay = DateOnly.FromDateTime(Of(due.AddTicks(-1)).DateTime);
        if (due <= now) return -Math.Max(1, Count(dueDay, today));
        return Count(today, dueDay);
    }

    private static int Count(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday) days++;
        return days;
    }

    /// <summary>"剩余3个工作日", "今日到期", "逾期2个工作日".</summary>
    public static string Countdown(Timestamp? due, DateTimeOffset now)
    {
        if (due is null) return "—";
        var left = WorkingDaysLeft(due.ToDateTimeOffset(), now);
        return left switch { > 0 => $"剩余{left}个工作日", 0 => "今日到期", _ => $"逾期{-left}个工作日" };
    }

    public static bool Overdue(Timestamp? due, DateTimeOffset now) => due is not null && due.ToDateTimeOffset() <= now;

    public static string Month(DateTimeOffset instant) => Of(instant).ToString("yyyy-MM");

    public static bool IsMonth(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
}
