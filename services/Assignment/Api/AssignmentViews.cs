using Coordination.ServiceDefaults.Time;
using Coordination.Assignment.Domain;
using Coordination.Grpc.Assignment;
using Google.Protobuf.WellKnownTypes;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;

namespace Coordination.Assignment.Api;

public static class AssignmentViews
{
    private static Timestamp? At(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static AssignmentView ToView(AssignmentEntity a, string caseNumber) => new()
    {
        AssignmentId = a.Id.ToString(), CaseId = a.CaseId.ToString(), CaseNumber = caseNumber, UnitCode = a.UnitCode, Kind = a.Kind,
        Status = a.Status, AssignedAt = At(a.AssignedAt), AcknowledgeDueAt = At(a.AcknowledgeDueAt), AcknowledgedAt = At(a.AcknowledgedAt),
        AcknowledgedBy = a.AcknowledgedBy ?? "", AcceptedAt = At(a.AcceptedAt), HandlingDueAt = At(a.HandlingDueAt), ExtensionStatus = a.ExtensionStatus,
        ReportOutcome = a.ReportOutcome ?? "", SignedOffBy = a.SignedOffBy ?? "", SendBackCount = a.SendBackCount, ReturnReasons = a.ReturnReasons ?? "",
        RoutedBy = a.RoutedBy,
    };

    public static CaseView ToView(HandlingCase c, IEnumerable<AssignmentEntity> visibleAssignments) => new()
    {
        CaseId = c.Id.ToString(), CaseNumber = c.CaseNumber, RegionCode = c.RegionCode, Topic = c.Topic, Status = c.Status,
        Assignments = { visibleAssignments.OrderBy(a => a.AssignedAt).Select(a => ToView(a, c.CaseNumber)) },
        Outcome = c.Outcome ?? "", Answer = c.Answer ?? "", Rating = c.Rating ?? "", ReviewDecision = c.ReviewDecision ?? "", Final = c.Final,
        WindowEndsAt = At(c.WindowEndsAt), ClosedAt = At(c.ClosedAt), ReturnCount = c.ReturnCount, RuleSetVersion = c.RuleSetVersion,
        ResponsibleUnit = c.ResponsibleUnit ?? "", ResponsibleGroup = c.ResponsibleGroup ?? "", ResponsibleLeader = c.ResponsibleLeader ?? "",
        ResponsiblePerson = c.ResponsiblePerson ?? "",
    };

    public static DeadlineView ToView(Deadline d) => new()
    {
        Step = d.Step, UnitCode = d.UnitCode, DueAt = At(d.DueAt), ReminderSentAt = At(d.ReminderSentAt), OverdueSentAt = At(d.OverdueSentAt),
        SupervisionSentAt = At(d.SupervisionSentAt), MetAt = At(d.MetAt), Paused = d.PausedAt is not null, AssignmentId = d.AssignmentId?.ToString() ?? "",
    };
}
