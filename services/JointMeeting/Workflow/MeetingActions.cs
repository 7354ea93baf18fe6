using Coordination.ServiceDefaults.Attachments;
using Coordination.ServiceDefaults.Persistence;
using Coordination.Contracts.JointMeeting;
using Coordination.JointMeeting.Domain;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Calendar;
using Coordination.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.JointMeeting.Workflow;

/// <summary>
/// Every change to a meeting, under its row lock, with its deadlines and events. The convening bureau manages;
/// a party acts only for itself (its unit is the party). Out of scope is NotFound.
/// </summary>
public sealed class MeetingActions(JointMeetingDb db, IDeadlineHandler<JointMeetingDb> deadlines, IOptions<MeetingOptions> options, TimeProvider clock,
    WorkingCalendarCache calendars, IAttachmentStore files)
{
    /// <summary>The minutes file (会议纪要), by the convening bureau.</summary>
    public async Task<StoredAttachment> AttachMinutesAsync(ReceivedFile file, Caller bureau, CancellationToken ct)
    {
        StoredAttachment? stored = null;
        await AsConvenerAsync(file.SubjectId, bureau, m =>
        {
            stored = Store(AttachmentKinds.MeetingMinutes, m, file, bureau);
            return Task.CompletedTask;
        }, ct);
        return stored!;
    }

    /// <summary>Proof for an action item's reply (回告证明), by the item's owner for itself.</summary>
    public async Task<StoredAttachment> AttachItemProofAsync(ReceivedFile file, Caller party, CancellationToken ct)
    {
        StoredAttachment? stored = null;
        await AsPartyAsync(await MeetingOfItemAsync(file.SubjectId, ct), party, "action item", (m, p) =>
        {
            if (m.ActionItems.Single(i => i.Id == file.SubjectId).Owner != p.Code) throw new NotFoundException("action item");
            stored = Store(AttachmentKinds.ActionItemProof, m, file, party);
            return Task.CompletedTask;
        }, ct);
        return stored!;
    }

    private StoredAttachment Store(string kind, Meeting m, ReceivedFile file, Caller by)
    {
        var stored = new StoredAttachment
        {
            Id = Guid.CreateVersion7(), Kind = kind, SubjectId = file.SubjectId, CaseId = m.CaseId, FileName = file.FileName, ContentType = file.ContentType,
            Size = file.Bytes.Length, Sha256 = file.Sha256, UploadedBy = by.Subject, UploadedUnit = by.Unit, UploadedAt = Now,
        };
        db.Attachments.Add(stored);
        files.Put(stored.Id, file.Bytes);
        return stored;
    }

    private LadderRules Ladder => new(options.Value.ReminderFraction, options.Value.SupervisionWorkingDays);
    /// <summary>The working calendar (the Directory's, copied here), read as each unit of work begins.</summary>
    private BusinessCalendar Calendar = null!;
    private DateTimeOffset Now => clock.GetUtcNow().ToUniversalTime();

    public Task<Meeting> ConveneAsync(Guid id, string agenda, DateTimeOffset at, string place, IReadOnlyList<string> parties, DateOnly answerBy, DateOnly positionsBy,
        Caller bureau, CancellationToken ct) =>
        AsConvenerAsync(id, bureau, m =>
        {
            Convene(m, agenda, at, place, parties, answerBy, positionsBy, bureau);
            return Task.CompletedTask;
        }, ct, mustBeConvener: false);

    /// <summary>Recurring meetings (e.g. monthly): one meeting per occurrence, proposed and convened, all or none.</summary>
    public async Task<IReadOnlyList<Meeting>> ScheduleRecurringAsync(string agenda, DateTimeOffset firstAt, int everyMonths, int occurrences, string place,
        IReadOnlyList<string> parties, Caller bureau, CancellationToken ct)
    {
        bureau.Require(Roles.Bureau);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Calendar = await calendars.GetAsync(ct);
        var meetings = new List<Meeting>();
        for (var i = 0; i < occurrences; i++)
        {
            var at = firstAt.AddMonths(i * everyMonths);
            var meeting = Meeting.Propose(NewId.NextSequentialGuid(), Guid.Empty, "", bureau.Region, [bureau.Region], [], Meeting.RecurringReason(agenda), Now);
            db.Meetings.Add(meeting);
            // Answers and positions are due by the end of the day before each meeting.
            var dayBefore = WorkingDays.DayOf(at).AddDays(-1);
            Convene(meeting, agenda, at, place, parties, dayBefore, dayBefore, bureau);
            meetings.Add(meeting);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return meetings;
    }

    public Task<Meeting> AnswerAsync(Guid id, string response, string reason, string delegateName, Caller party, CancellationToken ct) =>
        AsPartyAsync(id, party, "meeting", async (m, p) =>
        {
            if (m.Status != Meeting.Convened) throw new DomainRuleException("NotConvened", $"meeting {m.Id} is {m.Status}");
            p.Answer(response, reason, delegateName);
            await MeetAsync(m.Id, p.Code, MeetingSteps.Answer);
            Publish(m, new InvitationAnswered
            {
                CaseId = m.CaseId, MeetingId = m.Id, Party = p.Code, Response = p.Response, Reason = p.DeclineReason, Delegate = p.Delegate,
                Actor = party.Subject, OccurredAt = Now,
            });
        }, ct);

    public Task<Meeting> SubmitPositionAsync(Guid id, string position, string handlingStatus, Caller party, CancellationToken ct) =>
        AsPartyAsync(id, party, "meeting", async (m, p) =>
        {
            if (m.Status != Meeting.Convened) throw new DomainRuleException("NotConvened", $"meeting {m.Id} is {m.Status}");
            var due = await db.Deadlines.Where(d => d.AssignmentId == m.Id && d.UnitCode == p.Code && d.Step == MeetingSteps.Position).Select(d => d.DueAt).FirstAsync(ct);
            p.SubmitPosition(position, handlingStatus, Now, due);
            await MeetAsync(m.Id, p.Code, MeetingSteps.Position);
            Publish(m, new PositionSubmitted { CaseId = m.CaseId, MeetingId = m.Id, Party = p.Code, Late = p.PositionLate, Actor = party.Subject, OccurredAt = Now });
        }, ct);

    public Task<Meeting> HoldAsync(Guid id, IReadOnlyList<string> attended, string minutes, string resolution, string? leadUnit, Caller bureau, CancellationToken ct) =>
        AsConvenerAsync(id, bureau, async m =>
        {
            m.Hold(attended, minutes, resolution, leadUnit);
            foreach (var d in await db.Deadlines.Where(d => d.AssignmentId == m.Id && d.MetAt == null && d.Step != MeetingSteps.ActionItem).ToListAsync(ct)) Meet(d);
            Publish(m, new JointMeetingHeld
            {
                CaseId = m.CaseId, MeetingId = m.Id, Attended = attended.ToList(), Resolution = resolution, LeadUnit = leadUnit, Actor = bureau.Subject, ActorUnit = bureau.Unit,
                OccurredAt = Now,
            });
        }, ct);

    public Task<Meeting> EscalateAsync(Guid id, string reason, Caller bureau, CancellationToken ct) =>
        AsConvenerAsync(id, bureau, m =>
        {
            m.Escalate();
            Publish(m, new JointMeetingEscalated { CaseId = m.CaseId, MeetingId = m.Id, Reason = reason, Actor = bureau.Subject, ActorUnit = bureau.Unit, OccurredAt = Now });
            return Task.CompletedTask;
        }, ct);

    public Task<Meeting> IssueAsync(Guid id, string owner, string task, DateOnly lastDay, Caller bureau, CancellationToken ct) =>
        AsConvenerAsync(id, bureau, m =>
        {
            var dueAt = WorkingDays.EndOf(lastDay);
            if (dueAt <= Now) throw new DomainRuleException("DueDateInThePast", "an action item's deadline lies ahead");
            var item = m.Issue(owner, task, dueAt);
            db.Deadlines.Add(Deadline.Start(m.CaseId, item.Id, MeetingSteps.ActionItem, owner, Now, dueAt, Ladder, Calendar));
            Publish(m, new ActionItemIssued { CaseId = m.CaseId, MeetingId = m.Id, ItemId = item.Id, Owner = owner, Task = task, DueAt = dueAt, Actor = bureau.Subject, OccurredAt = Now });
            return Task.CompletedTask;
        }, ct);

    public async Task<Meeting> ReplyItemAsync(Guid itemId, string reply, string evidence, Caller party, CancellationToken ct) =>
        await AsPartyAsync(await MeetingOfItemAsync(itemId, ct), party, "action item", async (m, p) =>
        {
            var item = m.ActionItems.Single(i => i.Id == itemId);
            if (item.Owner != p.Code) throw new NotFoundException("action item"); // a party acts only for itself
            item.Answer(reply, evidence);
            await MeetAsync(item.Id, p.Code, MeetingSteps.ActionItem);
            Publish(m, new ActionItemReplied { CaseId = m.CaseId, MeetingId = m.Id, ItemId = item.Id, Owner = item.Owner, Reply = item.Reply!, Actor = party.Subject, OccurredAt = Now });
        }, ct);

    public async Task<Meeting> ReviewItemAsync(Guid itemId, bool accept, string reason, Caller bureau, CancellationToken ct) =>
        await AsConvenerAsync(await MeetingOfItemAsync(itemId, ct), bureau, m =>
        {
            var item = m.ActionItems.Single(i => i.Id == itemId);
            if (accept)
            {
                item.Accept();
                Publish(m, new ActionItemAccepted { CaseId = m.CaseId, MeetingId = m.Id, ItemId = item.Id, Owner = item.Owner, Actor = bureau.Subject, OccurredAt = Now });
                return Task.CompletedTask;
            }
            item.SendBack(reason);
            // Sent back: the owner answers again within the original limit's ladder, restarted from now.
            db.Deadlines.Add(Deadline.Start(m.CaseId, item.Id, MeetingSteps.ActionItem, item.Owner, Now, Max(item.DueAt, Calendar.AfterWorkingDays(Now, 5)), Ladder, Calendar));
            Publish(m, new ActionItemSentBack { CaseId = m.CaseId, MeetingId = m.Id, ItemId = item.Id, Owner = item.Owner, Reason = item.SendBackReason!, Actor = bureau.Subject, OccurredAt = Now });
            return Task.CompletedTask;
        }, ct, subject: "action item");

    /// <summary>件件回告 done: the cases move on in Assignment with the meeting's lead unit.</summary>
    public Task<Meeting> CloseAsync(Guid id, Caller bureau, CancellationToken ct) =>
        AsConvenerAsync(id, bureau, m =>
        {
            m.Close();
            foreach (var caseId in m.CaseIds.Append(m.CaseId).Where(c => c != Guid.Empty).Distinct()) // a recurring meeting may have none
                db.Publish(new JointMeetingConcluded { CaseId = caseId, MeetingId = m.Id, Resolution = m.Resolution ?? "", LeadUnit = m.LeadUnit, OccurredAt = Now }, caseId);
            return Task.CompletedTask;
        }, ct);

    private void Convene(Meeting m, string agenda, DateTimeOffset at, string place, IReadOnlyList<string> parties, DateOnly answerBy, DateOnly positionsBy,
        Caller bureau)
    {
        if (at <= Now) throw new DomainRuleException("MeetingInThePast", "a meeting is convened for a time ahead");
        m.Convene(bureau.Unit, agenda, at, place, parties);
        foreach (var party in m.Parties)
        {
            Start(m, party.Code, MeetingSteps.Answer, WorkingDays.EndOf(answerBy));
            Start(m, party.Code, MeetingSteps.Position, WorkingDays.EndOf(positionsBy));
        }
        Publish(m, new JointMeetingConvened
        {
            CaseId = m.CaseId, MeetingId = m.Id, Agenda = agenda, ScheduledAt = at, Place = place, Parties = m.Parties.Select(p => p.Code).ToList(),
            Actor = bureau.Subject, ActorUnit = bureau.Unit, OccurredAt = Now,
        });
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task<Guid> MeetingOfItemAsync(Guid itemId, CancellationToken ct) =>
        await db.ActionItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => (Guid?)i.MeetingId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("action item");

    private void Publish(Meeting m, object message) => db.Publish(message, m.CaseId);

    private void Start(Meeting m, string unit, string step, DateTimeOffset dueAt) =>
        db.Deadlines.Add(Deadline.Start(m.CaseId, m.Id, step, unit, Now, dueAt, Ladder, Calendar));

    /// <summary>A limit that had passed leaves the overdue list when it is met.</summary>
    private void Meet(Deadline d) => deadlines.Meet(db, d, Now);

    private async Task MeetAsync(Guid subjectId, string unit, string step)
    {
        foreach (var d in await db.Deadlines.Where(d => d.AssignmentId == subjectId && d.UnitCode == unit && d.Step == step && d.MetAt == null).ToListAsync()) Meet(d);
    }

    /// <summary>Only the convening bureau manages a meeting (convening: any bureau whose jurisdiction covers it); anyone else finds nothing.</summary>
    private Task<Meeting> AsConvenerAsync(Guid id, Caller bureau, Func<Meeting, Task> action, CancellationToken ct, bool mustBeConvener = true,
        string subject = "meeting")
    {
        bureau.Require(Roles.Bureau);
        return OnMeetingAsync(id, subject, ct, m =>
        {
            var allowed = mustBeConvener ? m.IsConvenedBy(bureau.Unit) : bureau.Covers(m.RegionCode);
            if (!allowed) throw new NotFoundException(subject);
            return action(m);
        });
    }

    /// <summary>A party acts only for its own unit; a meeting it is not invited to is NotFound, worded as for one that does not exist.</summary>
    private Task<Meeting> AsPartyAsync(Guid id, Caller party, string subject, Func<Meeting, MeetingParty, Task> action, CancellationToken ct)
    {
        party.RequireCaseRole();
        return OnMeetingAsync(id, subject, ct, m => action(m, m.PartyFor(party.Unit) ?? throw new NotFoundException(subject)));
    }

    /// <summary>Run again from the start if the scanner changed one of its deadlines meanwhile (OptimisticRetry).</summary>
    private Task<Meeting> OnMeetingAsync(Guid id, string subject, CancellationToken ct, Func<Meeting, Task> action) =>
        db.RetryOnConflictAsync(() => OnMeetingOnceAsync(id, subject, ct, action));

    private async Task<Meeting> OnMeetingOnceAsync(Guid id, string subject, CancellationToken ct, Func<Meeting, Task> action)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Calendar = await calendars.GetAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM meetings WHERE \"Id\" = {id} FOR UPDATE", ct);
        var meeting = await db.Meetings.Include(m => m.ActionItems).FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException(subject);
        await action(meeting);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return meeting;
    }
}
