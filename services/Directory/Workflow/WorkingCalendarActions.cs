using Coordination.Contracts.Directory;
using Coordination.Directory.Persistence;
using Coordination.ServiceDefaults.Calendar;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Directory.Workflow;

/// <summary>
/// An administrator changes the working calendar (ADR 19): the days change, the version grows, and the whole calendar
/// goes to every service (WorkingCalendarChanged) in the same commit.
/// </summary>
public sealed class WorkingCalendarActions(DirectoryDb db, TimeProvider clock, WorkingCalendarCache cache)
{
    /// <summary>The days set to "ordinary" are no longer named; the others are set as given. Days were checked by the caller.</summary>
    public async Task<(int Version, IReadOnlyList<CalendarDayRow> Days)> ChangeAsync(IReadOnlyList<(DateOnly Day, string Kind, string Name)> changes, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var version = await db.CalendarVersion.FromSql($"SELECT * FROM working_calendar WHERE id = 1 FOR UPDATE").SingleAsync(ct);
        var days = changes.Select(c => c.Day).ToList();
        var existing = await db.CalendarDays.Where(d => days.Contains(d.Day)).ToListAsync(ct);
        db.CalendarDays.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        db.CalendarDays.AddRange(changes.Where(c => c.Kind != WorkingCalendarDays.Ordinary)
            .Select(c => new CalendarDayRow { Day = c.Day, Kind = c.Kind, Name = c.Name }));
        var now = clock.GetUtcNow();
        version.Version++;
        version.ChangedAt = now;
        await db.SaveChangesAsync(ct);
        db.Publish(await WholeCalendarAsync(db, now, ct));
        await ReferenceDataSignals.NotifyAsync(db, "working_calendar", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache.Forget();
        var years = days.Select(d => d.Year).ToHashSet();
        var changed = await db.CalendarDays.AsNoTracking().OrderBy(d => d.Day).ToListAsync(ct);
        return (version.Version, changed.Where(d => years.Contains(d.Day.Year)).ToList());
    }

    /// <summary>The calendar as it stands in the caller's unit of work, for every service's copy.</summary>
    public static async Task<WorkingCalendarChanged> WholeCalendarAsync(ServiceDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var version = await db.CalendarVersion.AsNoTracking().Select(v => v.Version).SingleAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().OrderBy(d => d.Day).ToListAsync(ct);
        return new WorkingCalendarChanged
        {
            Version = version, Days = days.Select(d => new CalendarDay { Date = d.Day, Kind = d.Kind, Name = d.Name }).ToList(), OccurredAt = now,
        };
    }
}

/// <summary>The kinds a change may give a day: the calendar's own two, and ordinary (no longer named).</summary>
public static class WorkingCalendarDays
{
    public const string Ordinary = "ordinary";
}
