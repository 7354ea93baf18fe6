using Coordination.Grpc.Reporting;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Time;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Coordination.Contracts.LegalDiversion;

namespace Coordination.Reporting.Api;

/// <summary>The lists people work from: overdue hand-overs, the committee's legal cases, the quarterly screening register.</summary>
public sealed class Registers(ReportingDb db)
{
    public async Task<GetOverdueListResponse> OverdueAsync(string region, string unit, DateTimeOffset asOf, CancellationToken ct)
    {
        var prefix = Jurisdiction.Prefix(region);
        var rows = await db.OverdueDeadlines.AsNoTracking()
            .Where(d => d.LastMissedAt != null && (d.LastClearedAt == null || d.LastClearedAt < d.LastMissedAt) && d.DueAt < asOf)
            .Where(d => unit.Length == 0 || d.UnitCode == unit)
            .Join(db.CaseFacts.Where(f => f.RegionCode.StartsWith(prefix)), d => d.CaseId, f => f.CaseId, (d, f) => new { d, f })
            .ToListAsync(ct);
        var assignmentIds = rows.Where(r => r.d.AssignmentId != null).Select(r => r.d.AssignmentId!.Value).Distinct().ToList();
        var signers = await db.Handovers.AsNoTracking().Where(h => assignmentIds.Contains(h.AssignmentId))
            .ToDictionaryAsync(h => h.AssignmentId, h => h.AcknowledgedBy, ct);
        var items = rows.Select(r => new OverdueItem
            {
                CaseId = r.d.CaseId.ToString(), CaseNumber = r.f.CaseNumber, RegionCode = r.f.RegionCode, UnitCode = r.d.UnitCode,
                ResponsiblePerson = r.d.Track == "assignment" ? r.f.ResponsiblePerson ?? (r.d.AssignmentId is { } a ? signers.GetValueOrDefault(a) : null) ?? "" : "",
                Step = r.d.Step, DueAt = Timestamp.FromDateTimeOffset(r.d.DueAt), DaysOverdue = DaysPast(r.d.DueAt, asOf),
                Reminders = r.d.Reminders, Urges = r.d.Urges, Supervisions = r.d.Supervisions, AssignmentId = r.d.AssignmentId?.ToString() ?? "", Track = r.d.Track,
            })
            .OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.CaseNumber).ToList();
        var reply = new GetOverdueListResponse { Items = { items } };
        reply.ByUnit.AddRange(items.GroupBy(i => (i.UnitCode, i.ResponsiblePerson))
            .Select(g => new UnitOverdue
            {
                UnitCode = g.Key.UnitCode, ResponsiblePerson = g.Key.ResponsiblePerson, Items = g.Count(), MaxDaysOverdue = g.Max(i => i.DaysOverdue),
                Urges = g.Sum(i => i.Urges), Supervisions = g.Sum(i => i.Supervisions),
            })
            .OrderByDescending(u => u.MaxDaysOverdue).ThenByDescending(u => u.Items).ThenBy(u => u.UnitCode).ThenBy(u => u.ResponsiblePerson));
        return reply;
    }

    public async Task<GetLegalCasesResponse> LegalCasesAsync(string region, DateTimeOffset asOf, CancellationToken ct)
    {
        var prefix = Jurisdiction.Prefix(region);
        var referrals = await db.LegalReferrals.AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix) && r.OpenedAt != null && r.OpenedAt <= asOf)
            .ToListAsync(ct);
        var caseIds = referrals.Select(r => r.CaseId).Distinct().ToList();
        var facts = await db.CaseFacts.AsNoTracking().Where(f => caseIds.Contains(f.CaseId)).ToDictionaryAsync(f => f.CaseId, ct);
        var open = referrals.Where(r => !LegalReferralFact.Ends.Contains(r.Status)).ToList();
        int Age(LegalReferralFact r) => DaysPast(r.OpenedAt!.Value, asOf);
        static IEnumerable<LegalCount> Count(IEnumerable<string> keys) =>
            keys.GroupBy(k => k).Select(g => new LegalCount { Key = g.Key, Referrals = g.Count() }).OrderByDescending(c => c.Referrals).ThenBy(c => c.Key);
        return new GetLegalCasesResponse
        {
            Open = open.Count,
            ConcludedInLaw = referrals.Count(r => r.Status == ReferralConclusions.ConcludedInLaw),
            ReturnedToPetitionTrack = referrals.Count(r => r.Status == ReferralConclusions.ReturnedToPetitionTrack),
            ByChannel = { Count(open.Select(r => r.Channel.Length == 0 ? "not_referred" : r.Channel)) },
            ByInstitution = { Count(open.Where(r => r.InstitutionCode.Length > 0).Select(r => r.InstitutionCode)) },
            ByStatus = { Count(open.Select(r => r.Status)) },
            ByAge = { AgeBands.Select(b => new LegalCount { Key = b.Name, Referrals = open.Count(r => Age(r) >= b.From && Age(r) <= b.To) }) },
            Cases =
            {
                open.OrderBy(r => r.OpenedAt).Select(r => new LegalCase
                {
                    ReferralId = r.ReferralId.ToString(), CaseId = r.CaseId.ToString(), CaseNumber = facts.GetValueOrDefault(r.CaseId)?.CaseNumber ?? "",
                    RegionCode = r.RegionCode, Channel = r.Channel, InstitutionCode = r.InstitutionCode, Status = r.Status, AgeDays = Age(r),
                    Major = facts.GetValueOrDefault(r.CaseId)?.Major ?? false,
                }),
            },
        };
    }

    private static readonly (string Name, int From, int To)[] AgeBands = [("0-30", 0, 30), ("31-90", 31, 90), ("91-180", 91, 180), ("181+", 181, int.MaxValue)];

    /// <summary>
    /// Seed §16: every matter still unresolved when the quarter ends, with who must resolve it and by when; the major
    /// ones (collective, to Beijing, marked major, or come back twice or more) are to be reported up.
    /// </summary>
    public async Task<GetScreeningRegisterResponse> ScreeningAsync(int year, int quarter, string region, CancellationToken ct)
    {
        var first = new DateOnly(year, quarter * 3 - 2, 1);
        DateTimeOffset from = WorkingDays.EndOf(first.AddDays(-1)), to = WorkingDays.EndOf(first.AddMonths(3).AddDays(-1));
        var prefix = Jurisdiction.Prefix(region);
        // Suggestions are no disputes to screen (ADR 26).
        var inScope = db.CaseFacts.AsNoTracking().Where(f => f.RegionCode.StartsWith(prefix) && f.RegisteredAt != default && !f.Suggestion);
        var registered = await inScope.CountAsync(f => f.RegisteredAt >= from && f.RegisteredAt < to, ct);
        var closed = await inScope.CountAsync(f => f.ClosedAt >= from && f.ClosedAt < to, ct);
        var unresolved = await inScope.Where(f => f.RegisteredAt < to && (f.ClosedAt == null || f.ClosedAt >= to)).ToListAsync(ct);
        var ids = unresolved.Select(f => f.CaseId).ToList();
        var handovers = (await db.Handovers.AsNoTracking().Where(h => ids.Contains(h.CaseId) && !h.Returned && h.AssignedAt < to).ToListAsync(ct))
            .GroupBy(h => h.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(h => h.AssignedAt)!);
        var overdue = (await db.OverdueDeadlines.AsNoTracking()
            .Where(d => ids.Contains(d.CaseId) && d.LastMissedAt < to && (d.LastClearedAt == null || d.LastClearedAt < d.LastMissedAt || d.LastClearedAt >= to))
            .Select(d => d.CaseId).ToListAsync(ct)).ToHashSet();
        var entries = unresolved.Select(f =>
        {
            var h = handovers.GetValueOrDefault(f.CaseId);
            return new ScreeningEntry
            {
                CaseId = f.CaseId.ToString(), CaseNumber = f.CaseNumber, RegionCode = f.RegionCode, Topic = f.Topic,
                ResponsibleUnit = f.ResponsibleUnit ?? h?.UnitCode ?? "", ResponsiblePerson = f.ResponsiblePerson ?? h?.AcknowledgedBy ?? "",
                DueAt = f.HandlingDueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null, DaysOpen = DaysPast(f.RegisteredAt, to),
                Collective = f.Collective, ToBeijing = f.ToBeijing, Repeats = f.Repeats, Overdue = overdue.Contains(f.CaseId),
                Major = f.Collective || f.ToBeijing || f.Major || f.Repeats >= 2,
            };
        }).OrderByDescending(e => e.Major).ThenByDescending(e => e.Overdue).ThenByDescending(e => e.DaysOpen).ThenBy(e => e.CaseNumber).ToList();
        return new GetScreeningRegisterResponse
        {
            Quarter = $"{year}-Q{quarter}", RegisteredInQuarter = registered, ClosedInQuarter = closed, Unresolved = entries.Count,
            Major = entries.Count(e => e.Major), Entries = { entries },
        };
    }

    /// <summary>Whole Nanjing days from the day an instant falls in (a limit ending at midnight counts to the day before) to asOf.</summary>
    private static int DaysPast(DateTimeOffset since, DateTimeOffset asOf) =>
        Math.Max(0, WorkingDays.DayOf(asOf.AddTicks(-1)).DayNumber - WorkingDays.DayOf(since.AddTicks(-1)).DayNumber);
}
