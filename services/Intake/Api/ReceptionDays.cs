using Coordination.Contracts;
using Coordination.ServiceDefaults.Time;
using Coordination.Grpc.Intake;
using Coordination.Intake.Persistence;
using Coordination.Intake.Workflow;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ReceptionDayEntity = Coordination.Intake.Domain.ReceptionDay;
using ReceptionDayView = Coordination.Grpc.Intake.ReceptionDay;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Intake.Api;

/// <summary>Leaders' reception days (领导接待日, seed §6–8): checks the requests, hands changes to ReceptionDayActions, shows the day with the petitions received.</summary>
public sealed class ReceptionDays(ReceptionDayActions actions, IntakeDb db, TimeProvider clock)
{
    public async Task<ReceptionDayView> ScheduleAsync(Caller caller, ScheduleReceptionDayRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var leaderName = errors.Text(r.LeaderName, "leader_name", FieldLimits.LeaderName);
        var leaderTitle = errors.Text(r.LeaderTitle, "leader_title", FieldLimits.LeaderTitle);
        errors.Check(r.Level != ReceptionLevel.Unspecified && Enum.IsDefined(r.Level), "level", "must be city, county, provincial department or township");
        errors.Check(Jurisdiction.IsRegionCode(r.RegionCode), "region_code", "must be a 6-digit administrative division code");
        var dateOk = DateOnly.TryParseExact(r.Date, "yyyy-MM-dd", out var date);
        var today = WorkingDays.DayOf(clock.GetUtcNow());
        errors.Check(dateOk && date >= today.AddDays(-1), "date", "must be a date (yyyy-MM-dd), not in the past");
        var place = errors.Text(r.Place, "place", FieldLimits.ReceptionPlace); // published to the public
        errors.ThrowIfAny();
        if (!caller.Covers(r.RegionCode))
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"region_code {r.RegionCode} is outside your jurisdiction {caller.Region}"));

        var day = await actions.ScheduleAsync(
            new Domain.NewReceptionDay(leaderName, leaderTitle, LevelName(r.Level), r.RegionCode, date, place), caller, ct);
        return await ViewAsync(day, ct);
    }

    public async Task<ReceptionDayView> CompleteAsync(Caller caller, string id, CancellationToken ct) =>
        await ViewAsync(await actions.CompleteAsync(RequireId(id), caller, ct), ct);

    public async Task<ReceptionDayView> GetAsync(Caller caller, string id, CancellationToken ct)
    {
        var dayId = RequireId(id);
        var day = await db.ReceptionDays.AsNoTracking().FirstOrDefaultAsync(d => d.Id == dayId, ct);
        if (day is null || !caller.Covers(day.RegionCode)) throw new NotFoundException("reception day");
        return await ViewAsync(day, ct);
    }

    private static Guid RequireId(string id)
    {
        var errors = new FieldErrors();
        var dayId = errors.RequireGuid(id, "reception_day_id");
        errors.ThrowIfAny();
        return dayId;
    }

    private async Task<ReceptionDayView> ViewAsync(ReceptionDayEntity day, CancellationToken ct)
    {
        var received = await db.Petitions.AsNoTracking().Where(p => p.ReceptionDayId == day.Id)
            .OrderBy(p => p.RegisteredAt).Select(p => new { p.CaseNumber, p.GroupSize }).ToListAsync(ct);
        return new ReceptionDayView
        {
            ReceptionDayId = day.Id.ToString(), LeaderName = day.LeaderName, LeaderTitle = day.LeaderTitle, Level = LevelOf(day.Level),
            RegionCode = day.RegionCode, Date = day.Date.ToString("yyyy-MM-dd"), Place = day.Place, Status = day.Status,
            CaseNumbers = { received.Select(x => x.CaseNumber) }, PeopleReceived = received.Sum(x => x.GroupSize),
        };
    }

    private static string LevelName(ReceptionLevel level) => level switch
    {
        ReceptionLevel.City => "city",
        ReceptionLevel.County => "county",
        ReceptionLevel.ProvincialDepartment => "provincial_department",
        ReceptionLevel.Township => "township",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    private static ReceptionLevel LevelOf(string name) =>
        Enum.GetValues<ReceptionLevel>().First(l => l != ReceptionLevel.Unspecified && LevelName(l) == name);
}
