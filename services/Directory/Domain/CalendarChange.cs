using Coordination.Contracts;
using Coordination.Contracts.Directory;
using Coordination.Directory.Workflow;
using Coordination.ServiceDefaults.Grpc;

namespace Coordination.Directory.Domain;

/// <summary>
/// What a change of the working calendar may say: real dates from today on (a past day stays as it was, so no limit
/// already passed moves), a kind, a name for named days, a make-up working day only on a weekend, each day once.
/// </summary>
public static class CalendarChange
{
    public const int MaxDays = 400;

    public static IReadOnlyList<(DateOnly Day, string Kind, string Name)> Check(FieldErrors errors, IReadOnlyList<(string Date, string Kind, string Name)> days, DateOnly today)
    {
        errors.Entries(days.ToList(), "days", MaxDays, min: 1);
        var checkedDays = new List<(DateOnly, string, string)>();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < days.Count && i < MaxDays; i++)
        {
            var (date, kind, name) = days[i];
            var field = $"days[{i}]";
            var kindOk = CalendarDayKinds.All.Contains(kind) || kind == WorkingCalendarDays.Ordinary;
            errors.Check(kindOk, $"{field}.kind", "must be holiday, workday or ordinary");
            var trimmed = errors.Text(name, $"{field}.name", FieldLimits.CalendarDayName, required: kind != WorkingCalendarDays.Ordinary);
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day) || day.Year is < 2000 or > 2199)
            {
                errors.Add($"{field}.date", "must be a date (yyyy-MM-dd) from 2000 to 2199");
                continue;
            }
            if (day < today) errors.Add($"{field}.date", $"is before today ({today:yyyy-MM-dd}): past days stay as they were");
            else if (!seen.Add(day)) errors.Add($"{field}.date", "is named twice");
            else if (kind == CalendarDayKinds.MakeUpWorkingDay && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                errors.Add($"{field}.kind", "a make-up working day (workday) is a Saturday or Sunday");
            if (kindOk) checkedDays.Add((day, kind, trimmed));
        }
        return checkedDays;
    }
}
