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
public sealed class TimelineConsumer(InboxProcessor<ReportingDb> inbox, ReportingDb db, IOptions<EarlyWarningOptions> warnings, LiveFigures live) :
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
    public Task Consume(ConsumeContext<PetitionRegistered> context) =>
        CaseEvents.RecordAsync(inbox, live, context, nameof(TimelineConsumer), context.Message.CaseId, context.Message.OccurredAt,
            ct => EarlyWarnings.CheckAsync(db, context.Message, warnings.Value, ct));
    public Task Consume(ConsumeContext<PetitionLinkedAsRepeat> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<PetitionNotAccepted> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<CaseAssigned> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<AssignmentAcknowledged> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<CaseQueuedForManualRouting> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<LegalDiversionRequested> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<JointMeetingRequested> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<LegalReferralOpened> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<JointMeetingProposed> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);

    private Task Record<T>(ConsumeContext<T> context, Guid caseId, DateTimeOffset at) where T : class =>
        CaseEvents.RecordAsync(inbox, live, context, nameof(TimelineConsumer), caseId, at);
}
