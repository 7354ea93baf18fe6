namespace Coordination.Contracts.Assignment;

/// <summary>A case was handed to a unit (交办 or 转送). Published by Assignment.</summary>
public sealed record CaseAssigned
{
    public required Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required Guid AssignmentId { get; init; }
    public required string UnitCode { get; init; }
    /// <summary>"assignment" (交办, report required) or "transfer" (转送, notify only).</summary>
    public required string Kind { get; init; }
    public required string RoutedBy { get; init; }
    public required DateTimeOffset AcknowledgeDueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
