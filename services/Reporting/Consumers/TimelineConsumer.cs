using Coordination.Reporting.Api;
using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Coordination.Reporting.Consumers;

/// <summary>Writes every case event into the case's timeline, once per message.</summary>
public sealed class TimelineConsumer(InboxProcessor<ReportingDb> inbox, IOptions<EarlyWarningOptions> warnings, LiveFigures live) :
    IConsumer<PetitionRegistered>,
    IConsumer<PetitionLinkedAsRepeat>,
    IConsumer<PetitionNotAccepted>,
    IConsumer<CaseAssigned>,
    IConsumer<AssignmentAcknowledged>,
    IConsumer<CaseQueuedForManualRouting>,
    IConsumer<LegalDiversionRequested>,
    IConsumer<JointMeetingRequested>,
    IConsumer<LegalReferralOpened>,
    IConsumer<JointMeetingProposed>
{
    public Task Consume(ConsumeContext<PetitionRegistered> context)
    {
        var m = context.Message;
        return Record(context, m.CaseId, "intake", m.OccurredAt, m.Clerk, m.ReceivingUnit,
            $"{m.CaseNumber}: {m.Channel}, {m.Category}, topic {m.Topic}, region {m.RegionCode}, {m.PetitionerCount} petitioner(s)",
            db => db.CaseScopes.Add(new CaseScope { CaseId = m.CaseId, CaseNumber = m.CaseNumber, RegionCode = m.RegionCode }));
    }

    public Task Consume(ConsumeContext<PetitionLinkedAsRepeat> context)
    {
        var m = context.Message;
        return Record(context, m.CaseId, "intake", m.OccurredAt, m.Clerk, m.ReceivingUnit,
            $"repeat petition {m.RegistrationId} ({m.Channel}, {m.GroupSize} people) linked; similarity {m.Similarity:0.00}");
    }

    public Task Consume(ConsumeContext<PetitionNotAccepted> context)
    {
        var m = context.Message;
        return Record(context, m.CaseId, "intake", m.OccurredAt, m.Clerk, m.ReceivingUnit,
            $"{m.CaseNumber}: not accepted ({m.ReasonCode}){(m.PendingCaseId is { } pending ? $"; pending as case {pending}" : "")}",
            db => db.CaseScopes.Add(new CaseScope { CaseId = m.CaseId, CaseNumber = m.CaseNumber, RegionCode = m.RegionCode }));
    }

    public Task Consume(ConsumeContext<CaseAssigned> context)
    {
        var m = context.Message;
        return Record(context, m.CaseId, "assignment", m.OccurredAt, m.RoutedBy, m.UnitCode,
            $"{m.Kind} to {m.UnitCode}; acknowledge by {m.AcknowledgeDueAt:u}");
    }

    public Task Consume(ConsumeContext<AssignmentAcknowledged> context)
    {
        var m = context.Message;
        return Record(context, m.CaseId, "assignment", m.OccurredAt, m.Actor, m.UnitCode, $"acknowledged by {m.UnitCode}");
    }

    public Task Consume(ConsumeContext<CaseQueuedForManualRouting> context)
    {
        var m = context.Message;
        return Record(context, m.CaseId, "assignment", m.OccurredAt, "routing-catalogue", "", $"no rule for region {m.RegionCode}, topic {m.Topic}");
    }

    public Task Consume(ConsumeContext<LegalDiversionRequested> context)
    {
        var m = context.Message;
        return Record(context, m.CaseId, "assignment", m.OccurredAt, "routing-catalogue", "", "law-related: diverted to legal channels");
    }

    public Task Consume(ConsumeContext<JointMeetingRequested> context)
    {
        var m = context.Message;
        return Record(context, m.CaseId, "assignment", m.OccurredAt, "routing-catalogue", "", $"{m.Reason}: regions {string.Join(", ", m.RegionCodes)}");
    }

    public Task Consume(ConsumeContext<LegalReferralOpened> context)
    {
        var m = context.Message;
        return Record(context, m.CaseId, "legal-diversion", m.OccurredAt, "", "", $"referral {m.ReferralId} opened");
    }

    public Task Consume(ConsumeContext<JointMeetingProposed> context)
    {
        var m = context.Message;
        return Record(context, m.CaseId, "joint-meeting", m.OccurredAt, "", "", $"meeting {m.MeetingId} proposed");
    }

    private async Task Record<T>(ConsumeContext<T> context, Guid caseId, string service, DateTimeOffset at, string actor, string unit, string detail,
        Action<ReportingDb>? alsoDo = null) where T : class
    {
        await inbox.ApplyOnceAsync(context, nameof(TimelineConsumer), async (db, ct) =>
        {
            db.Timeline.Add(new TimelineEntry
            {
                CaseId = caseId, MessageId = context.MessageId!.Value, Kind = typeof(T).Name, Service = service, OccurredAt = at,
                Actor = actor, Unit = unit, Detail = detail,
            });
            alsoDo?.Invoke(db);
            await EventLog.RecordAsync(db, context.MessageId!.Value, context.Message, caseId, at, ct, warnings.Value);
        });
        await live.AfterAsync(context.Message, context.CancellationToken); // after the commit: Redis follows PostgreSQL
    }
}
