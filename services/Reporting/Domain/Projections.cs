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
    private static async Task<CaseFact> FactAsync(ReportingDb db, Guid caseId, CancellationToken ct)
    {
        // Row lock: two events of one case folded at once must not lose an update (e.g. two repeats).
        var fact = db.CaseFacts.Local.FirstOrDefault(f => f.CaseId == caseId)
            ?? await db.CaseFacts.FromSql($"SELECT * FROM case_facts WHERE \"CaseId\" = {caseId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (fact is not null) return fact;
        fact = new CaseFact { CaseId = caseId, CaseNumber = "", RegionCode = "" };
        db.CaseFacts.Add(fact);
        return fact;
    }

    private static async Task<Handover> HandoverAsync(ReportingDb db, Guid assignmentId, CancellationToken ct)
    {
        var handover = db.Handovers.Local.FirstOrDefault(h => h.AssignmentId == assignmentId)
            ?? await db.Handovers.FromSql($"SELECT * FROM handovers WHERE \"AssignmentId\" = {assignmentId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (handover is not null) return handover;
        handover = new Handover { AssignmentId = assignmentId };
        db.Handovers.Add(handover);
        return handover;
    }

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

    private static async Task<OverdueDeadline> DeadlineAsync(ReportingDb db, Guid deadlineId, Guid caseId, Guid? assignmentId, string step, string unit,
        CancellationToken ct)
    {
        var row = db.OverdueDeadlines.Local.FirstOrDefault(d => d.DeadlineId == deadlineId)
            ?? await db.OverdueDeadlines.FromSql($"SELECT * FROM overdue_deadlines WHERE \"DeadlineId\" = {deadlineId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (row is not null) return row;
        row = new OverdueDeadline { DeadlineId = deadlineId, CaseId = caseId, AssignmentId = assignmentId, Step = step, UnitCode = unit };
        db.OverdueDeadlines.Add(row);
        return row;
    }

    private static async Task<LiveCounter> LiveAsync(ReportingDb db, string region, DateTimeOffset at, CancellationToken ct)
    {
        var day = WorkingDays.DayOf(at);
        var row = db.LiveCounters.Local.FirstOrDefault(c => c.Day == day && c.RegionCode == region)
            ?? await db.LiveCounters.FromSql($"SELECT * FROM live_counters WHERE \"Day\" = {day} AND \"RegionCode\" = {region} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (row is not null) return row;
        row = new LiveCounter { Day = day, RegionCode = region };
        db.LiveCounters.Add(row);
        return row;
    }

    private static async Task<LegalReferralFact> ReferralAsync(ReportingDb db, Guid referralId, Guid caseId, CancellationToken ct)
    {
        var row = db.LegalReferrals.Local.FirstOrDefault(r => r.ReferralId == referralId)
            ?? await db.LegalReferrals.FromSql($"SELECT * FROM legal_referrals WHERE \"ReferralId\" = {referralId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (row is not null) return row;
        row = new LegalReferralFact { ReferralId = referralId, CaseId = caseId };
        db.LegalReferrals.Add(row);
        return row;
    }

    private static async Task<MeetingFact> MeetingAsync(ReportingDb db, Guid meetingId, CancellationToken ct)
    {
        var fact = db.MeetingFacts.Local.FirstOrDefault(m => m.MeetingId == meetingId)
            ?? await db.MeetingFacts.FromSql($"SELECT * FROM meeting_facts WHERE \"MeetingId\" = {meetingId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (fact is not null) return fact;
        fact = new MeetingFact { MeetingId = meetingId };
        db.MeetingFacts.Add(fact);
        return fact;
    }

    private static async Task<ActionItemFact> ItemAsync(ReportingDb db, Guid itemId, CancellationToken ct)
    {
        var fact = db.ActionItemFacts.Local.FirstOrDefault(i => i.ItemId == itemId)
            ?? await db.ActionItemFacts.FromSql($"SELECT * FROM action_item_facts WHERE \"ItemId\" = {itemId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (fact is not null) return fact;
        fact = new ActionItemFact { ItemId = itemId };
        db.ActionItemFacts.Add(fact);
        return fact;
    }

    private static void AddBeijing(ReportingDb db, Guid messageId, Guid caseId, string region, DateTimeOffset at, int people, bool collective) =>
        db.BeijingPetitions.Add(new BeijingPetition
        {
            MessageId = messageId, CaseId = caseId, RegionCode = region, Month = MonthOf(at), People = Math.Max(people, 1), Collective = collective,
        });
}
