namespace Coordination.Reporting.Domain;

/// <summary>
/// One thing a unit is told (a new hand-over, a return decided, a report sent back, a deadline's rung), or, for the
/// committees covering <see cref="RegionCode"/>, a legal case's change. One per event: its key is the event's message id.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    /// <summary>The unit told; null for a committee's legal-case notice.</summary>
    public string? UnitCode { get; init; }
    /// <summary>The case's region: committees whose jurisdiction covers it see legal-case notices.</summary>
    public string RegionCode { get; init; } = "";
    public Guid CaseId { get; init; }
    public string CaseNumber { get; init; } = "";
    public Guid? SubjectId { get; init; }
    public required string Summary { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>When it was folded: the streams' cursor (an event may occur long before it arrives).</summary>
    public DateTimeOffset RecordedAt { get; init; }
}
