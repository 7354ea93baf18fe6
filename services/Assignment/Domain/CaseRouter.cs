using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Coordination.Assignment.Domain;

/// <summary>
/// Decides where a newly registered case goes: law-related cases to legal diversion (诉访分离), cross-region
/// cases to a joint meeting, the rest to the competent unit by the routing catalogue, or to the bureau's
/// queue when no rule fits. Writes the decision and its messages into the caller's unit of work.
/// </summary>
public sealed class CaseRouter(ReferenceDataCache<RoutingRule> catalogue, IOptions<AssignmentOptions> options, TimeProvider clock)
{
    public const string CatalogueRouter = "routing-catalogue";

    public async Task RouteAsync(AssignmentDb db, HandlingCase c, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (c.LawRelated)
        {
            c.Status = CaseStatus.DivertedToLegal;
            db.Publish(new LegalDiversionRequested
            {
                CaseId = c.Id, CaseNumber = c.CaseNumber, RegionCode = c.RegionCode, Topic = c.Topic, OccurredAt = now,
            }, c.Id);
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
            c.Status = CaseStatus.AwaitingManualRouting;
            db.Publish(new CaseQueuedForManualRouting { CaseId = c.Id, RegionCode = c.RegionCode, Topic = c.Topic, OccurredAt = now }, c.Id);
            return;
        }
        var settings = options.Value;
        var assignment = new Assignment
        {
            Id = NewId.NextSequentialGuid(),
            CaseId = c.Id,
            UnitCode = rule.UnitCode,
            Kind = rule.Kind,
            RoutedBy = CatalogueRouter,
            AssignedAt = now,
            AcknowledgeDueAt = WorkingDays.DueAt(now, settings.AcknowledgeWorkingDays, settings.Holidays.ToHashSet()),
        };
        c.Assignments.Add(assignment);
        c.Status = CaseStatus.Assigned;
        db.Publish(new CaseAssigned
        {
            CaseId = c.Id, CaseNumber = c.CaseNumber, AssignmentId = assignment.Id, UnitCode = assignment.UnitCode,
            Kind = assignment.Kind, RoutedBy = assignment.RoutedBy, AcknowledgeDueAt = assignment.AcknowledgeDueAt, OccurredAt = now,
        }, c.Id);
    }
}
