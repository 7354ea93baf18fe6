using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using MassTransit;

namespace Coordination.Reporting.Consumers.Queues;

/// <summary>The queue of a case's first steps: intake, routing, and the opening of a legal referral or a joint meeting (reporting-timeline).</summary>
public sealed class Timeline : ReportingQueue
{
    public static readonly IReadOnlySet<Type> Events = new HashSet<Type>
    {
        typeof(PetitionRegistered), typeof(PetitionLinkedAsRepeat), typeof(PetitionNotAccepted), typeof(CaseAssigned), typeof(AssignmentAcknowledged),
        typeof(CaseQueuedForManualRouting), typeof(LegalDiversionRequested), typeof(JointMeetingRequested), typeof(LegalReferralOpened),
        typeof(JointMeetingProposed),
    };

    public override string InboxName => "TimelineConsumer";

    public override string EndpointName(IEndpointNameFormatter formatter) => formatter.Message<Timeline>();
}
