using Coordination.Contracts.Directory;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.ServiceDefaults.Calendar;

/// <summary>
/// The working calendar this service counts with, read from its own table (the Directory's, or this service's copy)
/// and kept in memory until a change is signalled (ReferenceDataSignals), or a minute at most.
/// </summary>
public sealed class WorkingCalendarCache
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private volatile Loaded? _loaded;

    public WorkingCalendarCache(IServiceScopeFactory scopes, TimeProvider clock, ReferenceDataSignals signals)
    {
        (_scopes, _clock) = (scopes, clock);
        signals.Follow(Forget);
    }

    public async Task<BusinessCalendar> GetAsync(CancellationToken ct)
    {
        var loaded = _loaded;
        if (loaded is not null && _clock.GetUtcNow() - loaded.At < MaxAge) return loaded.Calendar;
        await using var scope = _scopes.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ServiceDbContext>().CalendarDays.AsNoTracking().ToListAsync(ct);
        var calendar = new BusinessCalendar(WorkingCalendar.Of(rows.Select(r => (r.Day, r.Kind == CalendarDayKinds.MakeUpWorkingDay))));
        _loaded = new Loaded(calendar, _clock.GetUtcNow());
        return calendar;
    }

    public void Forget() => _loaded = null;

    private sealed record Loaded(BusinessCalendar Calendar, DateTimeOffset At);
}
