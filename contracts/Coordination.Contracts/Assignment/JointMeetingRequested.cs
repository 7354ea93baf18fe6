namespace Coordination.Contracts.Assignment;

/// <summary>Command: a cross-region or cross-department case needs a joint meeting (联席会议). Sent by Assignment.</summary>
public sealed record JointMeetingRequested
{
    public required Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required IReadOnlyList<string> RegionCodes { get; init; }
    public required string Reason { get; init; }
    /// <summary>For accusations: the accused unit (canonical code), never invited to, leading or owning an item of a meeting on the case.</summary>
    public string? AccusedUnit { get; init; }
    /// <summary>The trace the case began in (W3C traceparent), for the receiver to link its later calls on the case to.</summary>
    public string? CaseTraceParent { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
