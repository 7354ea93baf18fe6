using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Calendar;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// The accountability rules (§5, §9, §13), read from `accountability_rules` when a rung fires, inside the scanner's
/// transaction: a limit still open N working days after 督办, a to-Beijing case's handling limit passed without its report,
/// a major event's first report late. Each opens one file naming the unit and person, with the evidence.
/// </summary>
public sealed class AccountabilityRules(WorkingCalendarCache calendars)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public async Task RungFiredAsync(AssignmentDb db, DeadlineRungKind kind, Deadline d, DateTimeOffset now, CancellationToken ct)
    {
        if (kind == DeadlineRungKind.Supervision && d.Step != DeadlineSteps.MajorEventReport)
        {
            var rule = await RuleAsync(db, AccountabilityWords.OverdueAfterSupervision, ct);
            if (rule is null) return;
            if (rule.WorkingDays == 0) { await OpenForLimitAsync(db, rule.Kind, d, now, ct); return; }
            var calendar = await calendars.GetAsync(ct);
            db.Deadlines.Add(Deadline.Start(d.CaseId, d.Id, DeadlineSteps.AccountabilityCheck, d.UnitCode, now, calendar.AfterWorkingDays(d.SupervisionAt, rule.WorkingDays),
                new LadderRules(0.8, 5), calendar, isTimer: true));
        }
        else if (kind == DeadlineRungKind.Missed && d.Step is DeadlineSteps.Handling or DeadlineSteps.Rehandling)
        {
            var rule = await RuleAsync(db, AccountabilityWords.BeijingReportLate, ct);
            if (rule is null || !await db.Cases.AnyAsync(c => c.Id == d.CaseId && c.ToBeijing, ct)) return;
            await OpenForLimitAsync(db, rule.Kind, d, now, ct);
        }
        else if (kind == DeadlineRungKind.Missed && d.Step == DeadlineSteps.MajorEventReport)
        {
            var rule = await RuleAsync(db, AccountabilityWords.MajorEventUnreported, ct);
            if (rule is null) return;
            await OpenForMajorEventAsync(db, d, now, ct);
        }
    }

    /// <summary>The check timer came due: the limit it watches (its subject) is still open, so the file opens.</summary>
    public async Task CheckAsync(AssignmentDb db, Deadline timer, DateTimeOffset now, CancellationToken ct)
    {
        var watched = await db.Deadlines.FirstOrDefaultAsync(x => x.Id == timer.AssignmentId, ct);
        if (watched is null || watched.MetAt is not null || watched.PausedAt is not null) return;
        if (await RuleAsync(db, AccountabilityWords.OverdueAfterSupervision, ct) is null) return;
        await OpenForLimitAsync(db, AccountabilityWords.OverdueAfterSupervision, watched, now, ct);
    }

    private static Task<AccountabilityRule?> RuleAsync(AssignmentDb db, string kind, CancellationToken ct) =>
        db.AccountabilityRules.AsNoTracking().FirstOrDefaultAsync(r => r.Kind == kind && r.Enabled, ct);

    private static async Task OpenForLimitAsync(AssignmentDb db, string rule, Deadline d, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.AccountabilityFiles.AnyAsync(f => f.Rule == rule && f.SubjectId == d.Id, ct)) return;
        var c = await db.Cases.Include(x => x.Assignments).FirstAsync(x => x.Id == d.CaseId, ct);
        var a = c.Assignments.FirstOrDefault(x => x.Id == d.AssignmentId);
        var evidence = new List<string>
        {
            $"案件 {c.CaseNumber}：时限「{d.Step}」由 {d.UnitCode} 承担，{Shown(d.StartedAt)} 起算，{Shown(d.DueAt)} 到期",
        };
        if (a is not null) evidence.Add($"交办：{Shown(a.AssignedAt)} 由 {a.RoutedBy} 交办给 {a.UnitCode}");
        if (d.ReminderSentAt is { } reminded) evidence.Add($"提醒：{Shown(reminded)}");
        if (d.OverdueSentAt is { } urged) evidence.Add($"催办：{Shown(urged)}");
        if (d.SupervisionSentAt is { } supervised) evidence.Add($"督办：{Shown(supervised)}");
        if (a?.AcknowledgedBy is { } signer) evidence.Add($"签收：{signer}，{Shown(a.AcknowledgedAt!.Value)}");
        else if (a is not null) evidence.Add("签收：无人签收");
        if (c.ResponsibleUnit is not null)
            evidence.Add($"责任落实（第九条）：责任单位 {c.ResponsibleUnit}，责任小组 {c.ResponsibleGroup}，分管领导 {c.ResponsibleLeader}，直接责任人 {c.ResponsiblePerson}");
        evidence.Add($"截至 {Shown(now)} 仍未办结");
        db.AccountabilityFiles.Add(Opened(db, new AccountabilityFile
        {
            Id = Guid.NewGuid(), CaseId = c.Id, CaseNumber = c.CaseNumber, Rule = rule, RegionCode = c.RegionCode,
            Unit = rule == AccountabilityWords.BeijingReportLate && c.ResponsibleUnit is not null ? c.ResponsibleUnit : d.UnitCode,
            Person = c.ResponsiblePerson ?? a?.AcknowledgedBy ?? "", SubjectId = d.Id, OpenedAt = now, Evidence = evidence,
        }));
    }

    private static async Task OpenForMajorEventAsync(AssignmentDb db, Deadline d, DateTimeOffset now, CancellationToken ct)
    {
        var subject = d.AssignmentId!.Value;
        if (await db.AccountabilityFiles.AnyAsync(f => f.Rule == AccountabilityWords.MajorEventUnreported && f.SubjectId == subject, ct)) return;
        var m = await db.MajorEvents.FirstAsync(x => x.Id == subject, ct);
        var caseNumber = await db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.CaseNumber).FirstOrDefaultAsync(ct) ?? "";
        var evidence = new List<string>
        {
            $"重大紧急信访事项「{m.Title}」（{m.Kind}）：{Shown(m.OpenedAt)} 由 {m.OpenedBy}（{m.Unit}）立项",
            $"首报时限：{Shown(m.FirstReportDueAt)}",
        };
        if (m.EarlyWarningId is { } warning) evidence.Add($"来自预警 {warning}");
        if (d.ReminderSentAt is { } reminded) evidence.Add($"提醒：{Shown(reminded)}");
        evidence.Add($"截至 {Shown(now)} 未报告");
        db.AccountabilityFiles.Add(Opened(db, new AccountabilityFile
        {
            Id = Guid.NewGuid(), CaseId = m.CaseId, CaseNumber = caseNumber, Rule = AccountabilityWords.MajorEventUnreported, RegionCode = m.RegionCode,
            Unit = m.Unit, Person = m.OpenedBy, SubjectId = m.Id, OpenedAt = now, Evidence = evidence,
        }));
    }

    private static AccountabilityFile Opened(AssignmentDb db, AccountabilityFile f)
    {
        db.Publish(new AccountabilityFileOpened
        {
            FileId = f.Id, CaseId = f.CaseId, Rule = f.Rule, RegionCode = f.RegionCode, Unit = f.Unit, Person = f.Person, Evidence = f.Evidence, OccurredAt = f.OpenedAt,
        }, f.CaseId);
        return f;
    }

    private static string Shown(DateTimeOffset at) => at.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm");
}
