using Coordination.ServiceDefaults.Time;
using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Domain;

/// <summary>
/// Folds events into the statistics' read models. The same code serves live consumption and rebuilds from the
/// event log, so both give the same figures. Figures come from events only, never typed in.
/// </summary>
public static class Projections
{
    public static string MonthOf(DateTimeOffset at) => at.ToOffset(WorkingDays.BureauOffset).ToString("yyyy-MM");

    public static async Task ApplyAsync(ReportingDb db, Guid messageId, object message, CancellationToken ct)
    {
        if (RungOf(message) is { } rung) await RungAsync(db, rung, ct);
        switch (message)
        {
            case PetitionRegistered m:
                var fact = await FactAsync(db, m.CaseId, ct);
                fact.Topic = m.Topic;
                (fact.CaseNumber, fact.RegionCode, fact.RegisteredAt, fact.ToBeijing, fact.Collective) = (m.CaseNumber, m.RegionCode, m.OccurredAt, m.ToBeijing, m.Collective);
                if (m.ToBeijing) AddBeijing(db, messageId, m.CaseId, m.RegionCode, m.OccurredAt, Math.Max(m.GroupSize, m.PetitionerCount), m.Collective);
                var today = await LiveAsync(db, m.RegionCode, m.OccurredAt, ct);
                today.Registered++;
                if (m.Collective) today.Collective++;
                if (m.ToBeijing) today.ToBeijing++;
                if (fact.ClosedAt is { } closedFirst) (await LiveAsync(db, m.RegionCode, closedFirst, ct)).Closed++; // its closure came first
                break;
            case PetitionLinkedAsRepeat m:
                (await FactAsync(db, m.CaseId, ct)).Repeats++;
                if (m.ToBeijing) AddBeijing(db, messageId, m.CaseId, m.RegionCode, m.OccurredAt, m.GroupSize, m.GroupSize >= 5);
                var repeatDay = await LiveAsync(db, m.RegionCode, m.OccurredAt, ct);
                repeatDay.Repeats++;
                if (m.ToBeijing) repeatDay.ToBeijing++;
                break;
            case ReviewRequested m:
                (await FactAsync(db, m.CaseId, ct)).ReviewRequested = true;
                break;
            case CaseClosed m:
                var closed = await FactAsync(db, m.CaseId, ct);
                (closed.Outcome, closed.ClosedAt) = (m.Outcome, m.OccurredAt);
                if (closed.RegionCode.Length > 0) (await LiveAsync(db, closed.RegionCode, m.OccurredAt, ct)).Closed++; // else counted at registration
                break;
            case ReplySubmitted m:
                (await FactAsync(db, m.CaseId, ct)).RepliedAt ??= m.OccurredAt;
                break;
            case CaseAssigned m:
                var assigned = await HandoverAsync(db, m.AssignmentId, ct);
                (assigned.CaseId, assigned.UnitCode, assigned.RoutedBy, assigned.AssignedAt) = (m.CaseId, m.UnitCode, m.RoutedBy, m.OccurredAt);
                break;
            case AssignmentAcknowledged m:
                var acknowledged = await HandoverAsync(db, m.AssignmentId, ct);
                acknowledged.AcknowledgedAt ??= m.OccurredAt;
                acknowledged.AcknowledgedBy ??= m.Actor;
                break;
            case AssignmentReturned m:
                var returned = await HandoverAsync(db, m.AssignmentId, ct);
                (returned.Returned, returned.RoutedBy) = (true, m.RoutedBy);
                break;
            case ReceptionDayHeld m:
                if (await db.ReceptionSessions.AnyAsync(r => r.ReceptionDayId == m.ReceptionDayId, ct)) break;
                db.ReceptionSessions.Add(new ReceptionSession
                {
                    ReceptionDayId = m.ReceptionDayId, LeaderName = m.LeaderName, Level = m.Level, RegionCode = m.RegionCode,
                    Month = m.Date.ToString("yyyy-MM"), CaseIds = [.. m.CaseIds],
                });
                break;
            case JointMeetingConvened m:
                var convened = await MeetingAsync(db, m.MeetingId, ct);
                (convened.CaseId, convened.Parties) = (m.CaseId, [.. m.Parties]);
                break;
            case InvitationAnswered m:
                var answeredTo = await MeetingAsync(db, m.MeetingId, ct);
                if (!answeredTo.Answered.Contains(m.Party)) answeredTo.Answered = [.. answeredTo.Answered, m.Party];
                break;
            case PositionSubmitted m:
                var positioned = await MeetingAsync(db, m.MeetingId, ct);
                if (!positioned.PositionsIn.Contains(m.Party)) positioned.PositionsIn = [.. positioned.PositionsIn, m.Party];
                break;
            case JointMeetingConcluded m:
                (await MeetingAsync(db, m.MeetingId, ct)).Closed = true;
                break;
            case ActionItemIssued m:
                var issued = await ItemAsync(db, m.ItemId, ct);
                (issued.MeetingId, issued.Owner, issued.DueAt) = (m.MeetingId, m.Owner, m.DueAt);
                break;
            case ActionItemReplied m:
                var replied = await ItemAsync(db, m.ItemId, ct);
                if (replied.Status != "accepted") replied.Status = "replied";
                break;
            case ActionItemSentBack m:
                var back = await ItemAsync(db, m.ItemId, ct);
                if (back.Status != "accepted") back.Status = "sent_back";
                break;
            case ActionItemAccepted m:
                (await ItemAsync(db, m.ItemId, ct)).Status = "accepted";
                break;
            case SatisfactionRated m:
                (await FactAsync(db, m.CaseId, ct)).Rating = m.Rating;
                break;
            case CompletionReportSubmitted m:
                var reported = await FactAsync(db, m.CaseId, ct);
                reported.ReportedAt ??= m.OccurredAt;
                break;
            case DeadlineMissed { Step: "handling" or "rehandling" } m:
                (await FactAsync(db, m.CaseId, ct)).HandlingMissed = true;
                break;
            case AssignmentAccepted { HandlingDueAt: { } handlingDue } m:
                var accepted = await FactAsync(db, m.CaseId, ct);
                if (accepted.HandlingDueAt is null || handlingDue > accepted.HandlingDueAt) accepted.HandlingDueAt = handlingDue;
                break;
            case ExtensionGranted m:
                var extended = await FactAsync(db, m.CaseId, ct);
                if (extended.HandlingDueAt is null || m.HandlingDueAt > extended.HandlingDueAt) extended.HandlingDueAt = m.HandlingDueAt;
                break;
            case ResponsibilityAssigned m:
                var responsible = await FactAsync(db, m.CaseId, ct);
                (responsible.ResponsiblePerson, responsible.ResponsibleUnit) = (m.Person, m.Unit);
                break;
            case LegalReferralOpened m:
                var opened = await ReferralAsync(db, m.ReferralId, m.CaseId, ct);
                (opened.RegionCode, opened.OpenedAt) = (m.RegionCode, m.OccurredAt);
                opened.Move("open", m.OccurredAt);
                break;
            case ReferralMade m:
                var referred = await ReferralAsync(db, m.ReferralId, m.CaseId, ct);
                referred.ReferTo(m.Channel, m.InstitutionCode, m.OccurredAt);
                referred.Move("referred", m.OccurredAt);
                break;
            case ReferralAcknowledged m:
                (await ReferralAsync(db, m.ReferralId, m.CaseId, ct)).Move(m.Decision, m.OccurredAt);
                break;
            case ReferralDeclined m:
                (await ReferralAsync(db, m.ReferralId, m.CaseId, ct)).Move("declined", m.OccurredAt);
                break;
            case ReferralStatusUpdated m:
                (await ReferralAsync(db, m.ReferralId, m.CaseId, ct)).Move(m.Update is "decided" or "mediated" or "withdrawn" ? "outcome_reported" : "in_progress", m.OccurredAt);
                break;
            case LegalReferralConcluded m:
                (await ReferralAsync(db, m.ReferralId, m.CaseId, ct)).Move(m.Conclusion, m.OccurredAt);
                break;
            case CaseMarkedMajor m:
                (await FactAsync(db, m.CaseId, ct)).Major = true;
                break;
        }
    }

    /// <summary>
    /// Events of one case arrive on different queues in any order: a later event may create the fact before
    /// PetitionRegistered fills in its number, region and date.
    /// </summary>
    private static Task<CaseFact> FactAsync(ReportingDb db, Guid caseId, CancellationToken ct) =>
        RowAsync(db.CaseFacts, f => f.CaseId == caseId, $"SELECT * FROM case_facts WHERE \"CaseId\" = {caseId} FOR UPDATE",
            () => new CaseFact { CaseId = caseId, CaseNumber = "", RegionCode = "" }, ct);

    /// <summary>
    /// The row an event folds into, locked so that two events of one subject folded at once cannot lose an update
    /// (two repeats, say), or a new one: events arrive on different queues in any order.
    /// </summary>
    private static async Task<T> RowAsync<T>(DbSet<T> set, Func<T, bool> isIt, FormattableString lockIt, Func<T> create, CancellationToken ct) where T : class
    {
        var row = set.Local.FirstOrDefault(isIt) ?? await set.FromSql(lockIt).FirstOrDefaultAsync(ct);
        if (row is not null) return row;
        row = create();
        set.Add(row);
        return row;
    }

    private static Task<Handover> HandoverAsync(ReportingDb db, Guid assignmentId, CancellationToken ct) =>
        RowAsync(db.Handovers, h => h.AssignmentId == assignmentId, $"SELECT * FROM handovers WHERE \"AssignmentId\" = {assignmentId} FOR UPDATE",
            () => new Handover { AssignmentId = assignmentId }, ct);

    private enum Rung { Reminded, Missed, Supervised, Cleared }

    /// <summary>A rung of a time limit of any service, as the overdue list needs it.</summary>
    private sealed record RungEvent(Rung Kind, string Track, Guid? DeadlineId, Guid CaseId, Guid? AssignmentId, string Step, string Unit,
        DateTimeOffset DueAt, DateTimeOffset At);

    private static RungEvent? RungOf(object message) => message switch
    {
        DeadlineApproaching m => new(Rung.Reminded, "assignment", m.DeadlineId, m.CaseId, m.AssignmentId, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        DeadlineMissed m => new(Rung.Missed, "assignment", m.DeadlineId, m.CaseId, m.AssignmentId, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        SupervisionIssued m => new(Rung.Supervised, "assignment", m.DeadlineId, m.CaseId, m.AssignmentId, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        DeadlineCleared m => new(Rung.Cleared, "assignment", m.DeadlineId, m.CaseId, m.AssignmentId, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        LegalDeadlineApproaching m => new(Rung.Reminded, "legal", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        LegalDeadlineMissed m => new(Rung.Missed, "legal", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        LegalSupervisionEscalated m => new(Rung.Supervised, "legal", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        LegalDeadlineCleared m => new(Rung.Cleared, "legal", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        MeetingDeadlineApproaching m => new(Rung.Reminded, "meeting", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        MeetingDeadlineMissed m => new(Rung.Missed, "meeting", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        MeetingSupervisionIssued m => new(Rung.Supervised, "meeting", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        MeetingDeadlineCleared m => new(Rung.Cleared, "meeting", m.DeadlineId, m.CaseId, null, m.Step, m.UnitCode, m.DueAt, m.OccurredAt),
        _ => null,
    };

    /// <summary>Folds one rung into the overdue list. Rungs of older messages (no deadline id) are left out.</summary>
    private static async Task RungAsync(ReportingDb db, RungEvent rung, CancellationToken ct)
    {
        if (rung.DeadlineId is not { } id) return;
        var row = await DeadlineAsync(db, id, rung.CaseId, rung.AssignmentId, rung.Step, rung.Unit, ct);
        row.Track = rung.Track;
        switch (rung.Kind)
        {
            case Rung.Reminded:
                row.Reminders++;
                if (row.LastMissedAt is null) row.DueAt = rung.DueAt;
                break;
            case Rung.Missed: row.Missed(rung.DueAt, rung.At); break;
            case Rung.Supervised: row.Supervisions++; break;
            case Rung.Cleared: row.Cleared(rung.At); break;
        }
    }

    private static Task<OverdueDeadline> DeadlineAsync(ReportingDb db, Guid deadlineId, Guid caseId, Guid? assignmentId, string step, string unit,
        CancellationToken ct) =>
        RowAsync(db.OverdueDeadlines, d => d.DeadlineId == deadlineId, $"SELECT * FROM overdue_deadlines WHERE \"DeadlineId\" = {deadlineId} FOR UPDATE",
            () => new OverdueDeadline { DeadlineId = deadlineId, CaseId = caseId, AssignmentId = assignmentId, Step = step, UnitCode = unit }, ct);

    private static Task<LiveCounter> LiveAsync(ReportingDb db, string region, DateTimeOffset at, CancellationToken ct)
    {
        var day = WorkingDays.DayOf(at);
        return RowAsync(db.LiveCounters, c => c.Day == day && c.RegionCode == region,
            $"SELECT * FROM live_counters WHERE \"Day\" = {day} AND \"RegionCode\" = {region} FOR UPDATE", () => new LiveCounter { Day = day, RegionCode = region }, ct);
    }

    private static Task<LegalReferralFact> ReferralAsync(ReportingDb db, Guid referralId, Guid caseId, CancellationToken ct) =>
        RowAsync(db.LegalReferrals, r => r.ReferralId == referralId, $"SELECT * FROM legal_referrals WHERE \"ReferralId\" = {referralId} FOR UPDATE",
            () => new LegalReferralFact { ReferralId = referralId, CaseId = caseId }, ct);

    private static Task<MeetingFact> MeetingAsync(ReportingDb db, Guid meetingId, CancellationToken ct) =>
        RowAsync(db.MeetingFacts, m => m.MeetingId == meetingId, $"SELECT * FROM meeting_facts WHERE \"MeetingId\" = {meetingId} FOR UPDATE",
            () => new MeetingFact { MeetingId = meetingId }, ct);

    private static Task<ActionItemFact> ItemAsync(ReportingDb db, Guid itemId, CancellationToken ct) =>
        RowAsync(db.ActionItemFacts, i => i.ItemId == itemId, $"SELECT * FROM action_item_facts WHERE \"ItemId\" = {itemId} FOR UPDATE",
            () => new ActionItemFact { ItemId = itemId }, ct);

    private static void AddBeijing(ReportingDb db, Guid messageId, Guid caseId, string region, DateTimeOffset at, int people, bool collective) =>
        db.BeijingPetitions.Add(new BeijingPetition
        {
            MessageId = messageId, CaseId = caseId, RegionCode = region, Month = MonthOf(at), People = Math.Max(people, 1), Collective = collective,
        });
}
