using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;

namespace Coordination.ServiceDefaults.Calendar;

/// <summary>What a service does, in the same transaction, when its copy of the calendar changes (re-plans future limits).</summary>
public interface ICalendarFollower
{
    Task CalendarChangedAsync(ServiceDbContext db, BusinessCalendar calendar, DateTimeOffset now, CancellationToken ct);
}
