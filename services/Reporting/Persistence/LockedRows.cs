using Coordination.Reporting.Domain;
using Coordination.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Persistence;

/// <summary>
/// The read-model row an event folds into, locked so that two events of one subject folded at once cannot lose an
/// update (two repeats, say), or a new one: events arrive on different queues in any order. A row already in the unit
/// of work is taken from there (a rebuild folds every event in one), else a new one is added.
/// </summary>
public static class LockedRows
{
    /// <summary>
    /// Events of one case arrive on different queues in any order: a later event may create the fact before
    /// PetitionRegistered fills in its number, region and date.
    /// </summary>
    public static Task<CaseFact> CaseFactAsync(this ReportingDb db, Guid caseId, CancellationToken ct) =>
        RowAsync(db.CaseFacts, f => f.CaseId == caseId, $"SELECT * FROM case_facts WHERE \"CaseId\" = {caseId} FOR UPDATE",
            () => new CaseFact { CaseId = caseId, CaseNumber = "", RegionCode = "" }, ct,
            absent: db.Preloaded?.Absent(db, PreloadedRows.CaseFacts, caseId) == true);

    public static Task<Handover> HandoverAsync(this ReportingDb db, Guid assignmentId, CancellationToken ct) =>
        RowAsync(db.Handovers, h => h.AssignmentId == assignmentId, $"SELECT * FROM handovers WHERE \"AssignmentId\" = {assignmentId} FOR UPDATE",
            () => new Handover { AssignmentId = assignmentId }, ct,
            absent: db.Preloaded?.Absent(db, PreloadedRows.Handovers, assignmentId) == true);

    public static Task<OverdueDeadline> OverdueDeadlineAsync(this ReportingDb db, DeadlineRung rung, Guid deadlineId, CancellationToken ct) =>
        RowAsync(db.OverdueDeadlines, d => d.DeadlineId == deadlineId, $"SELECT * FROM overdue_deadlines WHERE \"DeadlineId\" = {deadlineId} FOR UPDATE",
            () => new OverdueDeadline
            {
                DeadlineId = deadlineId, CaseId = rung.CaseId, AssignmentId = rung.AssignmentId, Step = rung.Step, UnitCode = rung.Unit,
            }, ct);

    /// <summary>The key of a region's counters for the Nanjing day of an instant (PreloadedRows loads by it too).</summary>
    public static (DateOnly Day, string Region) CounterKey(string region, DateTimeOffset at) => (WorkingDays.DayOf(at), region);

    /// <summary>A region's counters for the Nanjing day of an instant.</summary>
    public static Task<LiveCounter> LiveCounterAsync(this ReportingDb db, string region, DateTimeOffset at, CancellationToken ct)
    {
        var key = CounterKey(region, at);
        var day = key.Day;
        return RowAsync(db.LiveCounters, c => c.Day == day && c.RegionCode == region,
            $"SELECT * FROM live_counters WHERE \"Day\" = {day} AND \"RegionCode\" = {region} FOR UPDATE", () => new LiveCounter { Day = day, RegionCode = region }, ct,
            absent: db.Preloaded?.Absent(db, PreloadedRows.LiveCounters, key) == true);
    }

    public static Task<LegalReferralFact> LegalReferralAsync(this ReportingDb db, Guid referralId, Guid caseId, CancellationToken ct) =>
        RowAsync(db.LegalReferrals, r => r.ReferralId == referralId, $"SELECT * FROM legal_referrals WHERE \"ReferralId\" = {referralId} FOR UPDATE",
            () => new LegalReferralFact { ReferralId = referralId, CaseId = caseId }, ct);

    public static Task<MeetingFact> MeetingFactAsync(this ReportingDb db, Guid meetingId, CancellationToken ct) =>
        RowAsync(db.MeetingFacts, m => m.MeetingId == meetingId, $"SELECT * FROM meeting_facts WHERE \"MeetingId\" = {meetingId} FOR UPDATE",
            () => new MeetingFact { MeetingId = meetingId }, ct);

    public static Task<ActionItemFact> ActionItemFactAsync(this ReportingDb db, Guid itemId, CancellationToken ct) =>
        RowAsync(db.ActionItemFacts, i => i.ItemId == itemId, $"SELECT * FROM action_item_facts WHERE \"ItemId\" = {itemId} FOR UPDATE",
            () => new ActionItemFact { ItemId = itemId }, ct);

    public static Task<MajorEventFact> MajorEventFactAsync(this ReportingDb db, Guid majorEventId, CancellationToken ct) =>
        RowAsync(db.MajorEventFacts, m => m.MajorEventId == majorEventId, $"SELECT * FROM major_event_facts WHERE \"MajorEventId\" = {majorEventId} FOR UPDATE",
            () => new MajorEventFact { MajorEventId = majorEventId }, ct);

    /// <param name="absent">Known to have no row in this transaction (PreloadedRows): created without asking.</param>
    private static async Task<T> RowAsync<T>(DbSet<T> set, Func<T, bool> isIt, FormattableString lockIt, Func<T> create, CancellationToken ct,
        bool absent = false) where T : class
    {
        var row = set.Local.FirstOrDefault(isIt) ?? (absent ? null : await set.FromSql(lockIt).FirstOrDefaultAsync(ct));
        if (row is not null) return row;
        row = create();
        set.Add(row);
        return row;
    }
}
