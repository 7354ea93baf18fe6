using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Time;
using MassTransit;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// Carries out where a case goes (<see cref="RoutingDecision"/>) inside the caller's unit of work: the case's new state, the
/// hand-over's limits and the messages. It never commits; the consumer's inbox or the case's unit of work does.
/// </summary>
public sealed class CaseRouter(AssignmentReferenceData reference, TimeProvider clock)
{
    public const string CatalogueRouter = "routing-catalogue";

    private DateTimeOffset Now => clock.GetUtcNow().ToUniversalTime();

    public async Task RouteAsync(AssignmentDb db, HandlingCase c, CancellationToken ct)
    {
        var route = RoutingDecision.For(c, await reference.CatalogueAsync(db, ct));
        switch (route.Destination)
        {
            case RouteDestination.LegalDiversion:
                c.DivertToLegal();
                db.Publish(new LegalDiversionRequested
                {
                    CaseId = c.Id, CaseNumber = c.CaseNumber, RegionCode = c.RegionCode, Topic = c.Topic, AccusedUnit = c.AccusedUnit, CaseTraceParent = c.TraceParent, OccurredAt = Now,
                }, c.Id);
                break;
            case RouteDestination.JointMeeting:
                c.AwaitJointMeeting();
                db.Publish(new JointMeetingRequested
                {
                    CaseId = c.Id, CaseNumber = c.CaseNumber, RegionCode = c.RegionCode,
                    RegionCodes = [c.RegionCode, .. c.OtherRegionCodes], Reason = "cross-region", AccusedUnit = c.AccusedUnit,
                    CaseTraceParent = c.TraceParent, OccurredAt = Now,
                }, c.Id);
                break;
            case RouteDestination.Unit:
                await HandOverAsync(db, c, route.UnitCode!, route.Kind!, CatalogueRouter, ct);
                break;
            default:
                QueueForManualRouting(db, c);
                break;
        }
    }

    public void QueueForManualRouting(AssignmentDb db, HandlingCase c)
    {
        c.QueueForManualRouting();
        db.Publish(new CaseQueuedForManualRouting { CaseId = c.Id, RegionCode = c.RegionCode, Topic = c.Topic, OccurredAt = Now }, c.Id);
    }

    /// <summary>交办 or 转送 to a unit: the hand-over, its acknowledgement and acceptance-notice limits, and CaseAssigned.</summary>
    public async Task<AssignmentEntity> HandOverAsync(AssignmentDb db, HandlingCase c, string unit, string kind, string routedBy, CancellationToken ct)
    {
        var limits = await reference.LimitsAsync(db, c, ct);
        var now = Now;
        var assignment = c.HandOver(NewId.NextSequentialGuid(), unit, kind, routedBy, now, limits);
        db.Deadlines.Add(Deadline.Start(c.Id, assignment.Id, DeadlineSteps.Acknowledge, unit, now, assignment.AcknowledgeDueAt, limits.Ladder, limits.Calendar,
            term: limits.TermOf(DeadlineSteps.Acknowledge)));
        db.Deadlines.Add(Deadline.Start(c.Id, assignment.Id, DeadlineSteps.AcceptNotice, unit, now, limits.AcceptNoticeBy(now), limits.Ladder, limits.Calendar,
            term: limits.TermOf(DeadlineSteps.AcceptNotice)));
        db.Publish(new CaseAssigned
        {
            CaseId = c.Id, CaseNumber = c.CaseNumber, AssignmentId = assignment.Id, UnitCode = unit, Kind = kind, RoutedBy = routedBy,
            AcknowledgeDueAt = assignment.AcknowledgeDueAt, OccurredAt = now,
        }, c.Id);
        return assignment;
    }
}
