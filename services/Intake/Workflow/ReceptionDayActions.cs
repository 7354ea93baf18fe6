using Coordination.Contracts.Intake;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Intake.Workflow;

/// <summary>What clerks and the bureau do with a leader's reception day (领导接待日, seed §6–8): schedule it, then hold it.</summary>
public sealed class ReceptionDayActions(IntakeDb db, TimeProvider clock)
{
    public async Task<ReceptionDay> ScheduleAsync(NewReceptionDay input, Caller caller, CancellationToken ct)
    {
        var day = ReceptionDay.Schedule(NewId.NextSequentialGuid(), input, caller.Unit);
        db.ReceptionDays.Add(day);
        db.Publish(new ReceptionDayScheduled
        {
            ReceptionDayId = day.Id, LeaderName = day.LeaderName, Level = day.Level, RegionCode = day.RegionCode, Date = day.Date,
            OccurredAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return day;
    }

    /// <summary>Under the day's row lock, so that two clerks completing it at once hold it once and publish one ReceptionDayHeld.</summary>
    public async Task<ReceptionDay> CompleteAsync(Guid dayId, Caller caller, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var day = await db.ReceptionDays.FromSql($"SELECT * FROM reception_days WHERE \"Id\" = {dayId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (day is null || !caller.Covers(day.RegionCode)) throw new NotFoundException("reception day");
        day.Complete(WorkingDays.DayOf(clock.GetUtcNow()));
        var received = await db.Petitions.AsNoTracking().Where(p => p.ReceptionDayId == dayId)
            .Select(p => new { CaseId = p.Outcome == Outcomes.Repeat ? p.EarlierCaseId!.Value : p.Id, p.GroupSize }).ToListAsync(ct);
        db.Publish(new ReceptionDayHeld
        {
            ReceptionDayId = day.Id, LeaderName = day.LeaderName, Level = day.Level, RegionCode = day.RegionCode, Date = day.Date,
            CaseIds = received.Select(x => x.CaseId).Distinct().ToList(), PeopleReceived = received.Sum(x => x.GroupSize), OccurredAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return day;
    }
}
