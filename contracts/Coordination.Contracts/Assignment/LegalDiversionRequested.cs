namespace Coordination.Contracts.Assignment;

/// <summary>Command: divert a law-related case to legal channels (诉访分离). Sent by Assignment to LegalDiversion.</summary>
public sealed record LegalDiversionRequested
{
    public required Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required string Topic { get; init; }
    /// <summary>For accusations: the accused unit (canonical code), never referred the case nor addressed an order about it.</summary>
    public string? AccusedUnit { get; init; }
    /// <summary>The trace the case began in (W3C traceparent), for the receiver to link its later calls on the case to.</summary>
    public string? CaseTraceParent { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
