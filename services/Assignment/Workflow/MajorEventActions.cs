using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Calendar;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Rules;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// The bureau's major events (§11): open one (on its own or from an early warning) with the first report's limit in hours,
/// report and follow up, dispatch return teams and record their outcome, close. Each action locks the event's row.
/// </summary>
public sealed class MajorEventActions(AssignmentDb db, TimeProvider clock, IOptions<MajorEventOptions> options, WorkingCalendarCache calendars,
    IDeadlineHandler<AssignmentDb> deadlines)
{
    public Task<MajorEvent> OpenAsync(Guid? caseId, Guid? warningId, string kind, string title, Caller bureau, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            bureau.Require(Roles.Bureau);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            EarlyWarning? warning = null;
            if (warningId is { } wid)
            {
                warning = await db.EarlyWarnings.AsNoTracking().FirstOrDefaultAsync(w => w.Id == wid, ct);
                if (warning is null || !bureau.Covers(warning.RegionCode)) throw new NotFoundException("early_warning");
            }
            var subject = caseId ?? warning?.CaseId
                ?? throw new DomainRuleException("WarningWithoutCase", "this early warning names no case: give case_id");
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM cases WHERE \"Id\" = {subject} FOR UPDATE", ct);
            var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == subject, ct);
            if (c is null || !bureau.Covers(c.RegionCode)) throw new NotFoundException("case");
            var now = clock.GetUtcNow().ToUniversalTime();
            var m = new MajorEvent
            {
                Id = Guid.NewGuid(), CaseId = c.Id, CaseNumber = c.CaseNumber, Kind = kind, Title = title, RegionCode = c.RegionCode, Unit = bureau.Unit, OpenedBy = bureau.Subject,
                EarlyWarningId = warning?.Id, OpenedAt = now, FirstReportDueAt = now.AddHours(options.Value.FirstReportHours),
            };
            db.MajorEvents.Add(m);
            var calendar = await calendars.GetAsync(ct);
            db.Deadlines.Add(Deadline.Start(c.Id, m.Id, DeadlineSteps.MajorEventReport, m.Unit, now, m.FirstReportDueAt, new LadderRules(0.8, 5), calendar));
            db.Publish(new MajorEventOpened
            {
                MajorEventId = m.Id, CaseId = m.CaseId, Kind = m.Kind, Title = m.Title, RegionCode = m.RegionCode, Unit = m.Unit, EarlyWarningId = m.EarlyWarningId,
                FirstReportDueAt = m.FirstReportDueAt, Actor = bureau.Subject, OccurredAt = now,
            }, m.CaseId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return m;
        });

    /// <summary>The first report meets its limit (a late one leaves the overdue list); later ones are follow-ups (续报).</summary>
    public Task<MajorEvent> ReportAsync(Guid id, IReadOnlyList<string> levels, string content, Caller bureau, CancellationToken ct) =>
        OnEventAsync(id, bureau, async (m, now) =>
        {
            var report = m.Report(levels, content, bureau.Subject, now);
            if (report.Sequence == 1)
                foreach (var d in await db.Deadlines.Where(d => d.AssignmentId == m.Id && d.Step == DeadlineSteps.MajorEventReport && d.MetAt == null).ToListAsync(ct))
                    deadlines.Meet(db, d, now);
            db.Publish(new MajorEventReported
            {
                MajorEventId = m.Id, CaseId = m.CaseId, Sequence = report.Sequence, Levels = report.Levels, Content = content, Late = report.Late, Actor = bureau.Subject,
                OccurredAt = now,
            }, m.CaseId);
        }, ct);

    public Task<MajorEvent> CloseAsync(Guid id, string summary, Caller bureau, CancellationToken ct) =>
        OnEventAsync(id, bureau, (m, now) =>
        {
            m.Close(summary, now);
            db.Publish(new MajorEventClosed { MajorEventId = m.Id, CaseId = m.CaseId, Summary = summary, Actor = bureau.Subject, OccurredAt = now }, m.CaseId);
            return Task.CompletedTask;
        }, ct);

    public Task<MajorEvent> DispatchAsync(Guid id, string destination, string fromUnit, IReadOnlyList<string> people, DateTimeOffset departAt, Caller bureau,
        CancellationToken ct) =>
        OnEventAsync(id, bureau, async (m, now) =>
        {
            // No unit named: the case's §9 responsibility record names the unit that sends the team.
            if (fromUnit.Length == 0)
                fromUnit = await db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.ResponsibleUnit).FirstOrDefaultAsync(ct)
                    ?? throw new DomainRuleException("NoResponsibleUnit", "name from_unit: the case has no §9 responsibility record");
            var d = m.Dispatch(destination, fromUnit, people, departAt, bureau.Subject, now);
            db.Publish(new ReturnTeamDispatched
            {
                MajorEventId = m.Id, DispatchId = d.Id, CaseId = m.CaseId, Destination = d.Destination, FromUnit = d.FromUnit, People = d.People, DepartAt = d.DepartAt,
                Actor = bureau.Subject, OccurredAt = now,
            }, m.CaseId);
        }, ct);

    public Task<MajorEvent> RecordOutcomeAsync(Guid dispatchId, string outcome, int returned, string note, Caller bureau, CancellationToken ct) =>
        db.RetryOnConflictAsync(async () =>
        {
            var id = await db.Set<ReturnDispatch>().AsNoTracking().Where(d => d.Id == dispatchId).Select(d => (Guid?)d.MajorEventId).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("dispatch");
            return await OnceAsync(id, bureau, "dispatch", (m, now) =>
            {
                var d = m.RecordOutcome(dispatchId, outcome, returned, note, now);
                db.Publish(new DispatchOutcomeRecorded
                {
                    MajorEventId = m.Id, DispatchId = d.Id, CaseId = m.CaseId, Outcome = outcome, PetitionersReturned = returned, Note = note, Actor = bureau.Subject,
                    OccurredAt = now,
                }, m.CaseId);
                return Task.CompletedTask;
            }, ct);
        });

    private Task<MajorEvent> OnEventAsync(Guid id, Caller bureau, Func<MajorEvent, DateTimeOffset, Task> action, CancellationToken ct) =>
        db.RetryOnConflictAsync(() => OnceAsync(id, bureau, "major_event", action, ct));

    private async Task<MajorEvent> OnceAsync(Guid id, Caller bureau, string subject, Func<MajorEvent, DateTimeOffset, Task> action, CancellationToken ct)
    {
        bureau.Require(Roles.Bureau);
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM major_events WHERE \"Id\" = {id} FOR UPDATE", ct);
        var m = await db.MajorEvents.Include(x => x.Reports).Include(x => x.Dispatches).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null || !bureau.Covers(m.RegionCode)) throw new NotFoundException(subject);
        await action(m, clock.GetUtcNow().ToUniversalTime());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return m;
    }
}
