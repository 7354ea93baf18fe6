using Coordination.Reporting.Api;
using Coordination.Contracts.Assignment;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;

namespace Coordination.Reporting.Consumers;

/// <summary>
/// Puts every step of the handling workflow and of legal diversion on the case's timeline, once per message. The actor and unit come
/// from the event's Actor and ActorUnit (else UnitCode); the detail lists its other fields.
/// </summary>
public sealed class WorkflowTimelineConsumer(InboxProcessor<ReportingDb> inbox, LiveFigures live) :
    IConsumer<AssignmentAccepted>,
    IConsumer<AssignmentReturnRequested>,
    IConsumer<AssignmentReturned>,
    IConsumer<AssignmentReturnRejected>,
    IConsumer<ExtensionRequested>,
    IConsumer<ExtensionGranted>,
    IConsumer<ExtensionRefused>,
    IConsumer<CompletionReportSubmitted>,
    IConsumer<ReportSignedOff>,
    IConsumer<ReportApproved>,
    IConsumer<ReportSentBack>,
    IConsumer<ReplySubmitted>,
    IConsumer<SatisfactionRated>,
    IConsumer<CaseClosed>,
    IConsumer<ReviewRequested>,
    IConsumer<ReviewDecided>,
    IConsumer<HearingStarted>,
    IConsumer<HearingEnded>,
    IConsumer<DeadlineApproaching>,
    IConsumer<DeadlineMissed>,
    IConsumer<SupervisionIssued>,
    IConsumer<DeadlineCleared>,
    IConsumer<ResponsibilityAssigned>,
    IConsumer<CaseRouted>,
    IConsumer<ReferralMade>,
    IConsumer<ReferralAcknowledged>,
    IConsumer<ReferralDeclined>,
    IConsumer<ReferralStatusUpdated>,
    IConsumer<LegalAdviceRecorded>,
    IConsumer<CaseMarkedMajor>,
    IConsumer<SupervisionOrderIssued>,
    IConsumer<SupervisionOrderReplied>,
    IConsumer<LegalDeadlineApproaching>,
    IConsumer<LegalDeadlineMissed>,
    IConsumer<LegalSupervisionEscalated>,
    IConsumer<LegalDeadlineCleared>,
    IConsumer<JointMeetingRequestedByCommittee>,
    IConsumer<LegalReferralConcluded>,
    IConsumer<JointMeetingConvened>,
    IConsumer<InvitationAnswered>,
    IConsumer<PositionSubmitted>,
    IConsumer<JointMeetingHeld>,
    IConsumer<JointMeetingEscalated>,
    IConsumer<ActionItemIssued>,
    IConsumer<ActionItemReplied>,
    IConsumer<ActionItemAccepted>,
    IConsumer<ActionItemSentBack>,
    IConsumer<MeetingDeadlineApproaching>,
    IConsumer<MeetingDeadlineMissed>,
    IConsumer<MeetingSupervisionIssued>,
    IConsumer<MeetingDeadlineCleared>,
    IConsumer<JointMeetingConcluded>
{
    public Task Consume(ConsumeContext<AssignmentAccepted> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<AssignmentReturnRequested> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<AssignmentReturned> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<AssignmentReturnRejected> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ExtensionRequested> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ExtensionGranted> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ExtensionRefused> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<CompletionReportSubmitted> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ReportSignedOff> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ReportApproved> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ReportSentBack> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ReplySubmitted> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<SatisfactionRated> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<CaseClosed> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ReviewRequested> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ReviewDecided> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<HearingStarted> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<HearingEnded> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<DeadlineApproaching> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<DeadlineMissed> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<SupervisionIssued> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<DeadlineCleared> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ResponsibilityAssigned> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<CaseRouted> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<ReferralMade> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ReferralAcknowledged> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ReferralDeclined> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ReferralStatusUpdated> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<LegalAdviceRecorded> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<CaseMarkedMajor> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<SupervisionOrderIssued> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<SupervisionOrderReplied> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<LegalDeadlineApproaching> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<LegalDeadlineMissed> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<LegalSupervisionEscalated> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<LegalDeadlineCleared> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<JointMeetingRequestedByCommittee> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<LegalReferralConcluded> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<JointMeetingConvened> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<InvitationAnswered> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<PositionSubmitted> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<JointMeetingHeld> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<JointMeetingEscalated> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ActionItemIssued> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ActionItemReplied> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ActionItemAccepted> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<ActionItemSentBack> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<MeetingDeadlineApproaching> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<MeetingDeadlineMissed> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<MeetingSupervisionIssued> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<MeetingDeadlineCleared> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);
    public Task Consume(ConsumeContext<JointMeetingConcluded> context) => Record(context, context.Message.CaseId, context.Message.OccurredAt);

    private Task Record<T>(ConsumeContext<T> context, Guid caseId, DateTimeOffset at) where T : class =>
        CaseEvents.RecordAsync(inbox, live, context, nameof(WorkflowTimelineConsumer), caseId, at);
}
