using Coordination.ServiceDefaults.Persistence;
using Coordination.Contracts.LegalDiversion;
using Coordination.LegalDiversion.Domain;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Calendar;
using Coordination.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.LegalDiversion.Workflow;

/// <summary>
/// Every change to a referral, in one transaction with its row lock, its deadlines and its events. Committees and
/// the bureau act within their jurisdiction; an institution only on referrals addressed to it. Out of scope is NotFound.
/// </summary>
public sealed class ReferralActions(LegalDiversionDb db, IDeadlineHandler<LegalDiversionDb> deadlines, IOptions<LegalDiversionOptions> options, TimeProvider clock,
    WorkingCalendarCache calendars)
{
    private LegalDiversionOptions Rules => options.Value;
    private LadderRules Ladder => new(Rules.ReminderFraction, Rules.SupervisionWorkingDays);
    /// <summary>The working calendar (the Directory's, copied here), read as each unit of work begins.</summary>
    private BusinessCalendar Calendar = null!;
    private DateTimeOffset Now => clock.GetUtcNow().ToUniversalTime();

    public Task<Referral> ReferAsync(Guid referralId, string channel, string institutionCode, Caller caller, CancellationToken ct) =>
        OnReferralAsync(referralId, caller.Require(Roles.Committee, Roles.Bureau), async r =>
        {
            var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == institutionCode, ct)
                ?? throw new DomainRuleException("UnknownInstitution", $"no institution {institutionCode} in the directory");
            r.RequireNotAccused(institution.Code);
            if (institution.Channel != channel) throw new DomainRuleException("ChannelMismatch", $"{institution.Code} is a {institution.Channel} institution");
            if (!Jurisdiction.Covers(institution.RegionCode, r.RegionCode) && !caller.Covers(institution.RegionCode))
                throw new DomainRuleException("InstitutionOutOfReach", $"{institution.Code} serves {institution.RegionCode}, not {r.RegionCode}");
            r.ReferTo(institution);
            var acknowledgeBy = Calendar.AfterWorkingDays(Now, Rules.AcknowledgeWorkingDays);
            Start(r, LegalSteps.Acknowledge, institution.Code, acknowledgeBy, DeadlineTerm.Working(Rules.AcknowledgeWorkingDays));
            db.Publish(new ReferralMade
            {
                CaseId = r.CaseId, ReferralId = r.Id, Channel = channel, InstitutionCode = institution.Code, Actor = caller.Subject, ActorUnit = caller.Unit,
                AcknowledgeBy = acknowledgeBy, OccurredAt = Now,
            }, r.CaseId);
            return r;
        }, ct);

    public Task<Referral> AcknowledgeAsync(Guid referralId, string decision, string reasons, Caller institution, CancellationToken ct) =>
        OnReferralAsync(referralId, institution.Require(Roles.Institution), async r =>
        {
            r.Acknowledge(decision, reasons);
            await MeetAsync(r.Id, LegalSteps.Acknowledge);
            if (decision == Referral.Declined)
            {
                db.Publish(new ReferralDeclined
                {
                    CaseId = r.CaseId, ReferralId = r.Id, InstitutionCode = institution.Unit, Reasons = r.DeclineReasons!, Actor = institution.Subject, OccurredAt = Now,
                }, r.CaseId);
                return r;
            }
            var outcomeBy = Calendar.AfterCalendarDays(Now, Rules.OutcomeDays);
            Start(r, LegalSteps.Outcome, institution.Unit, outcomeBy, DeadlineTerm.Calendar(Rules.OutcomeDays));
            db.Publish(new ReferralAcknowledged
            {
                CaseId = r.CaseId, ReferralId = r.Id, InstitutionCode = institution.Unit, Decision = decision, Actor = institution.Subject, OutcomeBy = outcomeBy,
                OccurredAt = Now,
            }, r.CaseId);
            return r;
        }, ct);

    public Task<Referral> PostUpdateAsync(Guid referralId, string update, string note, Caller institution, CancellationToken ct) =>
        OnReferralAsync(referralId, institution.Require(Roles.Institution), async r =>
        {
            r.PostUpdate(update, note);
            if (r.Status == Referral.OutcomeReported) await MeetAsync(r.Id, LegalSteps.Outcome);
            db.Publish(new ReferralStatusUpdated
            {
                CaseId = r.CaseId, ReferralId = r.Id, InstitutionCode = institution.Unit, Update = update, Note = note, Actor = institution.Subject, OccurredAt = Now,
            }, r.CaseId);
            return r;
        }, ct);

    /// <summary>Concluded in law: Assignment closes the case as diverted. Returned: Assignment routes it again.</summary>
    public Task<Referral> ConcludeAsync(Guid referralId, string conclusion, string detail, Caller caller, CancellationToken ct) =>
        OnReferralAsync(referralId, caller.Require(Roles.Committee, Roles.Bureau), async r =>
        {
            r.Conclude(conclusion, Now);
            foreach (var d in await db.Deadlines.Where(d => d.AssignmentId == r.Id && d.MetAt == null).ToListAsync(ct)) Meet(d);
            db.Publish(new LegalReferralConcluded { CaseId = r.CaseId, ReferralId = r.Id, Conclusion = conclusion, Detail = detail, OccurredAt = Now }, r.CaseId);
            return r;
        }, ct);

    public Task<Referral> MarkMajorAsync(Guid referralId, string reason, Caller committee, CancellationToken ct) =>
        OnReferralAsync(referralId, committee.Require(Roles.Committee), r =>
        {
            r.MarkMajor();
            db.Publish(new CaseMarkedMajor { CaseId = r.CaseId, ReferralId = r.Id, Reason = reason, Actor = committee.Subject, ActorUnit = committee.Unit, OccurredAt = Now }, r.CaseId);
            return Task.FromResult(r);
        }, ct);

    public Task<Referral> RequestJointMeetingAsync(Guid referralId, string reason, Caller committee, CancellationToken ct) =>
        OnReferralAsync(referralId, committee.Require(Roles.Committee), r =>
        {
            if (!r.Major) throw new DomainRuleException("OnlyMajorCases", "mark the case major or difficult first");
            db.Publish(new JointMeetingRequestedByCommittee
            {
                CaseId = r.CaseId, CaseNumber = r.CaseNumber, RegionCode = r.RegionCode, Reason = reason, Actor = committee.Subject, ActorUnit = committee.Unit,
                AccusedUnit = r.AccusedUnit, CaseTraceParent = r.TraceParent, OccurredAt = Now,
            }, r.CaseId);
            return Task.FromResult(r);
        }, ct);

    public Task<SupervisionOrder> IssueOrderAsync(Guid referralId, string addressee, string content, DateOnly lastDay, Caller committee, CancellationToken ct) =>
        OnReferralAsync(referralId, committee.Require(Roles.Committee), r =>
        {
            r.RequireNotAccused(addressee);
            var dueAt = WorkingDays.EndOf(lastDay);
            if (dueAt <= Now) throw new DomainRuleException("DueDateInThePast", "a supervision order's deadline lies ahead");
            var order = new SupervisionOrder
            {
                Id = NewId.NextSequentialGuid(), ReferralId = r.Id, CaseId = r.CaseId, RegionCode = r.RegionCode, IssuedBy = committee.Unit,
                AddresseeCode = addressee, Content = content.Trim(), DueAt = dueAt,
            };
            db.SupervisionOrders.Add(order);
            db.Deadlines.Add(Deadline.Start(r.CaseId, order.Id, LegalSteps.SupervisionOrder, addressee, Now, dueAt, Ladder, Calendar));
            db.Publish(new SupervisionOrderIssued
            {
                CaseId = r.CaseId, OrderId = order.Id, ReferralId = r.Id, AddresseeCode = addressee, Content = order.Content, DueAt = dueAt,
                Actor = committee.Subject, ActorUnit = committee.Unit, OccurredAt = Now,
            }, r.CaseId);
            return Task.FromResult(order);
        }, ct);

    public Task<SupervisionOrder> ReplyOrderAsync(Guid orderId, string reply, Caller addressee, CancellationToken ct)
    {
        addressee.Require(Roles.Institution, Roles.Department);
        return db.RetryOnConflictAsync(() => ReplyOrderOnceAsync(orderId, reply, addressee, ct));
    }

    private async Task<SupervisionOrder> ReplyOrderOnceAsync(Guid orderId, string reply, Caller addressee, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Calendar = await calendars.GetAsync(ct);
        var order = await db.SupervisionOrders.FromSql($"SELECT * FROM supervision_orders WHERE \"Id\" = {orderId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (order is null || order.AddresseeCode != addressee.Unit) throw new NotFoundException("supervision order");
        order.Answer(reply, Now);
        await MeetAsync(order.Id, LegalSteps.SupervisionOrder);
        db.Publish(new SupervisionOrderReplied
        {
            CaseId = order.CaseId, OrderId = order.Id, AddresseeCode = order.AddresseeCode, Reply = order.Reply!, Actor = addressee.Subject, OccurredAt = Now,
        }, order.CaseId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return order;
    }

    /// <summary>Run again from the start if the scanner changed one of its deadlines meanwhile (OptimisticRetry).</summary>
    private Task<T> OnReferralAsync<T>(Guid referralId, Caller caller, Func<Referral, Task<T>> action, CancellationToken ct) =>
        db.RetryOnConflictAsync(() => OnReferralOnceAsync(referralId, caller, action, ct));

    private async Task<T> OnReferralOnceAsync<T>(Guid referralId, Caller caller, Func<Referral, Task<T>> action, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Calendar = await calendars.GetAsync(ct);
        var r = await db.Referrals.FromSql($"SELECT * FROM referrals WHERE \"Id\" = {referralId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (r is null || !ReferralQueries.CanSee(caller, r)) throw new NotFoundException("referral");
        var result = await action(r);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    private void Start(Referral r, string step, string unit, DateTimeOffset dueAt, DeadlineTerm term) =>
        db.Deadlines.Add(Deadline.Start(r.CaseId, r.Id, step, unit, Now, dueAt, Ladder, Calendar, term: term));

    /// <summary>A limit that had passed leaves the overdue list when it is met.</summary>
    private void Meet(Deadline d) => deadlines.Meet(db, d, Now);

    private async Task MeetAsync(Guid subjectId, string step)
    {
        foreach (var d in await db.Deadlines.Where(d => d.AssignmentId == subjectId && d.Step == step && d.MetAt == null).ToListAsync()) Meet(d);
    }
}
