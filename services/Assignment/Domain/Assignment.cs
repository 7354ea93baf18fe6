using Coordination.ServiceDefaults.Grpc;

namespace Coordination.Assignment.Domain;

/// <summary>One hand-over of a case to a unit: an assignment (交办) or a transfer (转送).</summary>
public sealed class Assignment
{
    public const string Pending = "pending";
    public const string Acknowledged = "acknowledged";

    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string UnitCode { get; init; }
    public required string Kind { get; init; }
    public required string RoutedBy { get; init; }
    public string Status { get; private set; } = Pending;
    public DateTimeOffset AssignedAt { get; init; }
    public DateTimeOffset AcknowledgeDueAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    /// <summary>签收: only a pending assignment can be acknowledged, once.</summary>
    public void Acknowledge(string actor, DateTimeOffset at)
    {
        if (Status != Pending)
            throw new DomainRuleException("AssignmentAlreadyAcknowledged", $"assignment {Id} is {Status}, not {Pending}");
        Status = Acknowledged;
        AcknowledgedAt = at;
        AcknowledgedBy = actor;
    }
}
