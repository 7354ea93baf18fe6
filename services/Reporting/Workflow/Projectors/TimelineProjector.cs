using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Reporting.Workflow.Projectors;

/// <summary>Every step of a case, as any service published it, on the case's timeline (GetCaseTimeline).</summary>
public sealed class TimelineProjector : IProjector
{
    public IReadOnlySet<Type> Folds { get; } = new HashSet<Type>
    {
        typeof(PetitionRegistered), typeof(PetitionLinkedAsRepeat), typeof(PetitionNotAccepted),

        typeof(CaseAssigned), typeof(AssignmentAcknowledged), typeof(CaseQueuedForManualRouting), typeof(LegalDiversionRequested),
        typeof(JointMeetingRequested), typeof(AssignmentAccepted), typeof(AssignmentReturnRequested), typeof(AssignmentReturned),
        typeof(AssignmentReturnRejected), typeof(ExtensionRequested), typeof(ExtensionGranted), typeof(ExtensionRefused),
        typeof(CompletionReportSubmitted), typeof(ReportSignedOff), typeof(ReportApproved), typeof(ReportSentBack), typeof(ReplySubmitted),
        typeof(SatisfactionRated), typeof(CaseClosed), typeof(ReviewRequested), typeof(ReviewDecided), typeof(HearingStarted), typeof(HearingEnded),
        typeof(DeadlineApproaching), typeof(DeadlineMissed), typeof(SupervisionIssued), typeof(DeadlineCleared), typeof(ResponsibilityAssigned),
        typeof(CaseRouted), typeof(PetitionerRequestRefused),
        typeof(SuggestionReceived), typeof(SuggestionPassed), typeof(SuggestionEvaluated), typeof(SuggestionCommended),
        typeof(CaseOwnershipTaken), typeof(OwnershipProgressRecorded),
        typeof(MajorEventOpened), typeof(MajorEventReported), typeof(MajorEventClosed), typeof(ReturnTeamDispatched), typeof(DispatchOutcomeRecorded),
        typeof(AccountabilityFileOpened), typeof(AccountabilityDecided),

        typeof(LegalReferralOpened), typeof(ReferralMade), typeof(ReferralAcknowledged), typeof(ReferralDeclined), typeof(ReferralStatusUpdated),
        typeof(LegalAdviceRecorded), typeof(CaseMarkedMajor), typeof(SupervisionOrderIssued), typeof(SupervisionOrderReplied),
        typeof(LegalDeadlineApproaching), typeof(LegalDeadlineMissed), typeof(LegalSupervisionIssued), typeof(LegalDeadlineCleared),
        typeof(JointMeetingRequestedByCommittee), typeof(LegalReferralConcluded),

        typeof(JointMeetingProposed), typeof(JointMeetingConvened), typeof(InvitationAnswered), typeof(PositionSubmitted), typeof(JointMeetingHeld),
        typeof(JointMeetingEscalated), typeof(ActionItemIssued), typeof(ActionItemReplied), typeof(ActionItemAccepted), typeof(ActionItemSentBack),
        typeof(MeetingDeadlineApproaching), typeof(MeetingDeadlineMissed), typeof(MeetingSupervisionIssued), typeof(MeetingDeadlineCleared),
        typeof(JointMeetingConcluded),
    };

    public Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct)
    {
        db.Timeline.Add(TimelineDescription.EntryFor(e.MessageId, e.CaseId, e.OccurredAt, e.Message));
        return Task.CompletedTask;
    }

    public Task ClearAsync(ReportingDb db, CancellationToken ct) => db.Timeline.ExecuteDeleteAsync(ct);
}
