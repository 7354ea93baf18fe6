using Coordination.ServiceDefaults.Calendar;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.ServiceDefaults.Time;

/// <summary>
/// When this service's copy of the working calendar changes, every limit that has not yet passed is counted again on
/// the new calendar, in the same transaction (ADR 19); limits already passed stay as they were.
/// </summary>
public sealed class DeadlineReplanner<TDb>(IDeadlineHandler<TDb> handler) : ICalendarFollower where TDb : ServiceDbContext
{
    public async Task CalendarChangedAsync(ServiceDbContext db, BusinessCalendar calendar, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Set<Deadline>()
            .FromSql($"SELECT *, xmin FROM deadlines WHERE \"MetAt\" IS NULL AND \"PausedAt\" IS NULL AND \"DueAt\" > {now.ToUniversalTime()} FOR UPDATE")
            .ToListAsync(ct);
        var moved = open.Where(d => d.Replan(calendar, now)).ToList();
        if (moved.Count > 0) await handler.ReplannedAsync((TDb)db, moved, calendar, now, ct);
    }
}
