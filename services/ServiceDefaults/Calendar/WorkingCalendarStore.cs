using Coordination.Contracts.Directory;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.ServiceDefaults.Calendar;

/// <summary>
/// Replaces the calendar in the service's table with a newer version, in one transaction with what follows from it
/// (future limits re-planned), and tells every replica. An older or equal version changes nothing.
/// </summary>
public sealed class WorkingCalendarStore(ServiceDbContext db, IEnumerable<ICalendarFollower> followers,
    WorkingCalendarCache cache, TimeProvider clock)
{
    public async Task<bool> ReplaceAsync(int version, IReadOnlyList<CalendarDay> days, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var newer = await db.Database.ExecuteSqlAsync(
            $"UPDATE working_calendar SET version = {version}, changed_at = {now.ToUniversalTime()} WHERE id = 1 AND version < {version}", ct);
        if (newer == 0) return false;
        await db.Database.ExecuteSqlAsync($"DELETE FROM working_calendar_days", ct);
        db.CalendarDays.AddRange(days.Select(d => new CalendarDayRow { Day = d.Date, Kind = d.Kind, Name = d.Name }));
        await db.SaveChangesAsync(ct);
        var calendar = new BusinessCalendar(WorkingCalendar.Of(days.Select(d => (d.Date, d.Kind == CalendarDayKinds.MakeUpWorkingDay))));
        foreach (var follower in followers) await follower.CalendarChangedAsync(db, calendar, now, ct);
        await db.SaveChangesAsync(ct);
        await ReferenceDataSignals.NotifyAsync(db, "working_calendar", ct);
        await tx.CommitAsync(ct);
        cache.Forget();
        return true;
    }
}
