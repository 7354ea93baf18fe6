using Coordination.ServiceDefaults.Time;
using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;

namespace Coordination.Assignment.Domain;

/// <summary>
/// Decides where a case goes: law-related cases to legal diversion (诉访分离), cross-region cases to a joint
/// meeting, the rest to the competent unit by the routing catalogue (never the accused unit), or to the bureau's
/// queue when no rule fits. Writes the decision and its messages into the caller's unit of work.
/// </summary>
public sealed class CaseRouter(ReferenceDataCache<RoutingRule> catalogue, CaseClock clock)
{
    public const string CatalogueRouter = "routing-catalogue";

    public async Task RouteAsync(AssignmentDb db, HandlingCase c, CancellationToken ct)
    {
        var now = clock.Now;
        if (c.LawRelated)
        {
            c.Status = CaseStatus.DivertedToLegal;
            db.Publish(new LegalDiversionRequested { CaseId = c.Id, CaseNumber = c.CaseNumber, RegionCode = c.RegionCode, Topic = c.Topic, OccurredAt = now }, c.Id);
            return;
        }
        if (c.OtherRegionCodes.Count > 0)
        {
            c.Status = CaseStatus.AwaitingJointMeeting;
            db.Publish(new JointMeetingRequested
            {
                CaseId = c.Id, CaseNumber = c.CaseNumber, RegionCode = c.RegionCode,
                RegionCodes = [c.RegionCode, .. c.OtherRegionCodes], Reason = "cross-region", OccurredAt = now,
            }, c.Id);
            return;
        }
        var rule = RoutingCatalogue.Match(await catalogue.GetAsync(db, ct), c.RegionCode, c.Topic);
        if (rule is null || rule.UnitCode == c.AccusedUnit)
        {
            QueueForManualRouting(db, c, now);
            return;
        }
        await HandOverAsync(db, c, rule.UnitCode, rule.Kind, CatalogueRouter, ct);
    }

    public static void QueueForManualRouting(AssignmentDb db, HandlingCase c, DateTimeOffset now)
    {
        c.Status = CaseStatus.AwaitingManualRouting;
        db.Publish(new CaseQueuedForManualRouting { CaseId = c.Id, RegionCode = c.RegionCode, Topic = c.Topic, OccurredAt = now }, c.Id);
    }

    /// <summary>交办 or 转送 to a unit, with its acknowledgement, acceptance-notice and objection limits.</summary>
    public async Task<Assignment> HandOverAsync(AssignmentDb db, HandlingCase c, string unit, string kind, string routedBy, CancellationToken ct)
    {
        var (rules, calendar) = await clock.ForAsync(db, c, ct);
        var now = clock.Now;
        var assignment = new Assignment
        {
            Id = NewId.NextSequentialGuid(), CaseId = c.Id, UnitCode = unit, Kind = kind, RoutedBy = routedBy, AssignedAt = now,
            AcknowledgeDueAt = calendar.AfterWorkingDays(now, rules.AcknowledgeWorkingDays),
            ObjectionDueAt = calendar.AfterWorkingDays(now, rules.ObjectionWorkingDays),
        };
        c.Assignments.Add(assignment);
        c.Status = CaseStatus.Assigned;
        db.Deadlines.Add(Deadline.Start(c.Id, assignment.Id, DeadlineSteps.Acknowledge, unit, now, assignment.AcknowledgeDueAt, rules.Ladder, calendar));
        db.Deadlines.Add(Deadline.Start(c.Id, assignment.Id, DeadlineSteps.AcceptNotice, unit, now, calendar.AfterCalendarDays(now, rules.AcceptNoticeDays), rules.Ladder, calendar));
        db.Publish(new CaseAssigned
        {
            CaseId = c.Id, CaseNumber = c.CaseNumber, AssignmentId = assignment.Id, UnitCode = unit, Kind = kind, RoutedBy = routedBy,
            AcknowledgeDueAt = assignment.AcknowledgeDueAt, OccurredAt = now,
        }, c.Id);
        return assignment;
    }
}
