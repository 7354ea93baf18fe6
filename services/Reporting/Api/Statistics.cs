using Coordination.Grpc.Reporting;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;
using Coordination.Contracts.Assignment;

namespace Coordination.Reporting.Api;

/// <summary>The bulletin and the rates, computed from the read models for one jurisdiction.</summary>
public sealed class Statistics(ReportingDb db, Microsoft.Extensions.Options.IOptions<ReceptionMinimums> minimums,
    Microsoft.Extensions.Options.IOptions<KeyCountyRule> keyCounties)
{
    public async Task<GetKeyManagedCountiesResponse> KeyManagedCountiesAsync(string asOfMonth, string region, CancellationToken ct)
    {
        var rule = keyCounties.Value;
        var last = DateOnly.ParseExact(asOfMonth + "-01", "yyyy-MM-dd");
        var months = Enumerable.Range(0, rule.WindowMonths).Select(i => last.AddMonths(-i).ToString("yyyy-MM")).ToList();
        var prefix = Jurisdiction.Prefix(region);
        var rows = await db.BeijingPetitions.AsNoTracking().Where(b => b.RegionCode.StartsWith(prefix) && months.Contains(b.Month)).ToListAsync(ct);
        var reply = new GetKeyManagedCountiesResponse { AsOfMonth = asOfMonth, WindowMonths = rule.WindowMonths, ThresholdBatches = rule.ThresholdBatches };
        reply.Counties.AddRange(rows.GroupBy(b => b.RegionCode)
            .Where(g => g.Count() >= rule.ThresholdBatches)
            .Select(g => new KeyManagedCounty
            {
                RegionCode = g.Key, Batches = g.Count(), People = g.Sum(b => b.People), CollectiveBatches = g.Count(b => b.Collective),
                ActiveMonths = g.Select(b => b.Month).Distinct().Count(), LastMonthBatches = g.Count(b => b.Month == asOfMonth),
            })
            .OrderByDescending(c => c.Batches).ThenBy(c => c.RegionCode));
        return reply;
    }

    public async Task<GetJointMeetingReportResponse> MeetingReportAsync(string region, DateTimeOffset asOf, CancellationToken ct)
    {
        var prefix = Jurisdiction.Prefix(region);
        var open = await db.MeetingFacts.AsNoTracking().Where(m => !m.Closed && m.Parties.Count > 0)
            .Join(db.CaseFacts.Where(f => f.RegionCode.StartsWith(prefix)), m => m.CaseId, f => f.CaseId, (m, f) => new { m, f.RegionCode })
            .ToListAsync(ct);
        var ids = open.Select(o => o.m.MeetingId).ToList();
        var items = await db.ActionItemFacts.AsNoTracking().Where(i => ids.Contains(i.MeetingId)).ToListAsync(ct);
        var reply = new GetJointMeetingReportResponse();
        foreach (var o in open.OrderBy(o => o.m.MeetingId))
            reply.Meetings.Add(new OpenMeeting
            {
                MeetingId = o.m.MeetingId.ToString(), CaseId = o.m.CaseId.ToString(), RegionCode = o.RegionCode,
                MissingAnswers = { o.m.Parties.Except(o.m.Answered) }, MissingPositions = { o.m.Parties.Except(o.m.PositionsIn) },
                OverdueItemsBy = { items.Where(i => i.MeetingId == o.m.MeetingId && i.Status != "accepted" && i.DueAt < asOf).Select(i => i.Owner).Order() },
            });
        return reply;
    }

    public async Task<GetReceptionComplianceResponse> ReceptionComplianceAsync(string month, string region, CancellationToken ct)
    {
        var prefix = Jurisdiction.Prefix(region);
        var sessions = await db.ReceptionSessions.AsNoTracking().Where(r => r.Month == month && r.RegionCode.StartsWith(prefix)).ToListAsync(ct);
        var caseIds = sessions.SelectMany(s => s.CaseIds).Distinct().ToList();
        var answered = (await db.CaseFacts.AsNoTracking().Where(f => caseIds.Contains(f.CaseId) && (f.RepliedAt != null || f.ClosedAt != null))
            .Select(f => f.CaseId).ToListAsync(ct)).ToHashSet();
        var reply = new GetReceptionComplianceResponse { Month = month };
        foreach (var leader in sessions.GroupBy(s => (s.LeaderName, s.Level, s.RegionCode)).OrderBy(g => g.Key.RegionCode).ThenBy(g => g.Key.LeaderName))
        {
            var received = leader.SelectMany(s => s.CaseIds).Distinct().ToList();
            var minimum = minimums.Value.PerMonth.GetValueOrDefault(leader.Key.Level, 1);
            var done = received.Count(answered.Contains);
            reply.Leaders.Add(new LeaderCompliance
            {
                LeaderName = leader.Key.LeaderName, Level = leader.Key.Level, RegionCode = leader.Key.RegionCode, SessionsHeld = leader.Count(), Minimum = minimum,
                Compliant = leader.Count() >= minimum, CasesReceived = received.Count, CasesAnswered = done, AllAnswered = done == received.Count,
            });
        }
        return reply;
    }

    public async Task<GetUnitPerformanceResponse> UnitPerformanceAsync(DateTimeOffset from, DateTimeOffset to, string region, CancellationToken ct)
    {
        var prefix = Jurisdiction.Prefix(region);
        var handovers = await db.Handovers.AsNoTracking()
            .Join(db.CaseFacts.Where(f => f.RegionCode.StartsWith(prefix) && f.RegisteredAt >= from && f.RegisteredAt < to), h => h.CaseId, f => f.CaseId, (h, _) => h)
            .ToListAsync(ct);
        var reply = new GetUnitPerformanceResponse();
        foreach (var unit in handovers.GroupBy(h => h.UnitCode).OrderBy(g => g.Key))
        {
            var acknowledged = unit.Where(h => h.AcknowledgedAt is not null && h.AssignedAt is not null).ToList();
            reply.Units.Add(new UnitAcknowledgement
            {
                UnitCode = unit.Key, Assignments = unit.Count(), Acknowledged = acknowledged.Count,
                MeanHoursToAcknowledge = acknowledged.Count == 0 ? 0 : Math.Round(acknowledged.Average(h => (h.AcknowledgedAt!.Value - h.AssignedAt!.Value).TotalHours), 2),
            });
        }
        foreach (var router in handovers.GroupBy(h => h.RoutedBy).OrderBy(g => g.Key))
            reply.Routers.Add(new RouterReturns
            {
                RoutedBy = router.Key, Routed = router.Count(), Returned = router.Count(h => h.Returned), ReturnRate = Ratio(router.Count(h => h.Returned), router.Count()),
            });
        return reply;
    }

    public async Task<GetBeijingBulletinResponse> BulletinAsync(string month, string region, CancellationToken ct)
    {
        var current = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd");
        string previous = current.AddMonths(-1).ToString("yyyy-MM"), lastYear = current.AddYears(-1).ToString("yyyy-MM");
        var prefix = Jurisdiction.Prefix(region);
        var rows = await db.BeijingPetitions.AsNoTracking()
            .Where(b => b.RegionCode.StartsWith(prefix) && (b.Month == month || b.Month == previous || b.Month == lastYear))
            .ToListAsync(ct);
        int Batches(string r, string m) => rows.Count(b => b.RegionCode == r && b.Month == m);
        var regions = rows.Where(b => b.Month == month).GroupBy(b => b.RegionCode)
            .Select(g => new RegionBulletin
            {
                RegionCode = g.Key, Batches = g.Count(), People = g.Sum(b => b.People), CollectiveBatches = g.Count(b => b.Collective),
                IndividualBatches = g.Count(b => !b.Collective), PreviousMonthBatches = Batches(g.Key, previous), SameMonthLastYearBatches = Batches(g.Key, lastYear),
            })
            .OrderByDescending(r => r.Batches).ThenByDescending(r => r.People).ThenBy(r => r.RegionCode).ToList();
        for (var i = 0; i < regions.Count; i++)
        {
            var r = regions[i];
            r.Rank = i > 0 && regions[i - 1].Batches == r.Batches ? regions[i - 1].Rank : i + 1; // ties share a rank
            if (r.PreviousMonthBatches > 0) r.MonthOnMonthPercent = Percent(r.Batches - r.PreviousMonthBatches, r.PreviousMonthBatches);
            if (r.SameMonthLastYearBatches > 0) r.YearOnYearPercent = Percent(r.Batches - r.SameMonthLastYearBatches, r.SameMonthLastYearBatches);
        }
        return new GetBeijingBulletinResponse
        {
            Month = month, Regions = { regions }, TotalBatches = regions.Sum(r => r.Batches), TotalPeople = regions.Sum(r => r.People),
        };
    }

    public async Task<GetRatesResponse> RatesAsync(DateTimeOffset from, DateTimeOffset to, string region, CancellationToken ct)
    {
        var prefix = Jurisdiction.Prefix(region);
        var facts = await db.CaseFacts.AsNoTracking()
            .Where(f => f.RegionCode.StartsWith(prefix) && f.RegisteredAt >= from && f.RegisteredAt < to && !f.Suggestion).ToListAsync(ct); // suggestions: their own report
        var inTrack = facts.Where(f => f.Outcome != "diverted").ToList();
        var closed = inTrack.Where(f => f.ClosedAt is not null).ToList();
        var firstPass = closed.Count(f => f.Repeats == 0 && !f.ReviewRequested);
        var resolved = closed.Count(f => f.Outcome == ReportOutcomes.Resolved); // explained / not supported are never "resolved"
        var reported = inTrack.Where(f => f.ReportedAt is not null).ToList();
        var onTime = reported.Count(f => !f.HandlingMissed);
        var rated = inTrack.Where(f => f.Rating is not null).ToList();
        var satisfied = rated.Count(f => f.Rating is "satisfied" or "basically_satisfied");
        return new GetRatesResponse
        {
            Cases = inTrack.Count, Closed = closed.Count, ClosedAtFirstPass = firstPass, OneTimeClosureRate = Ratio(firstPass, closed.Count),
            Resolved = resolved, ResolvedRate = Ratio(resolved, closed.Count), Reported = reported.Count, ReportedOnTime = onTime,
            OnTimeCompletionRate = Ratio(onTime, reported.Count), Rated = rated.Count, Satisfied = satisfied, SatisfactionRate = Ratio(satisfied, rated.Count),
            Diverted = facts.Count - inTrack.Count,
        };
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
    private static double Percent(int change, int baseline) => Math.Round(100.0 * change / baseline, 1);
}
