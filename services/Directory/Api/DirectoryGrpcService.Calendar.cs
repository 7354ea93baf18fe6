using Coordination.Directory.Domain;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Time;
using Grpc.Core;
using Coordination.Grpc.Directory;

namespace Coordination.Directory.Api;

public sealed partial class DirectoryGrpcService
{
    public override async Task<GetWorkingCalendarResponse> GetWorkingCalendar(GetWorkingCalendarRequest request, ServerCallContext context)
    {
        await CallerAsync(context);
        new FieldErrors().Check(request.Year == 0 || request.Year is >= 2000 and <= 2199, "year", "must be 0 (every year) or 2000 to 2199").ThrowIfAny();
        var (version, days) = await queries.WorkingCalendarAsync(request.Year, context.CancellationToken);
        return new GetWorkingCalendarResponse { Version = version, Days = { days.Select(Views.Of) } };
    }

    public override async Task<ChangeWorkingCalendarResponse> ChangeWorkingCalendar(ChangeWorkingCalendarRequest request, ServerCallContext context)
    {
        await AdministratorAsync(context);
        var errors = new FieldErrors();
        var days = CalendarChange.Check(errors, request.Days.Select(d => (d.Date, d.Kind.Trim(), d.Name)).ToList(), WorkingDays.DayOf(clock.GetUtcNow()));
        errors.ThrowIfAny();
        var (version, changed) = await calendar.ChangeAsync(days, context.CancellationToken);
        return new ChangeWorkingCalendarResponse { Version = version, Days = { changed.Select(Views.Of) } };
    }
}
