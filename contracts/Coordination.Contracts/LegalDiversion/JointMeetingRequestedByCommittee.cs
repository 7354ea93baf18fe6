namespace Coordination.Contracts.LegalDiversion;

/// <summary>The political-legal committee asked the bureau to convene a joint meeting on a hard case.</summary>
public sealed record JointMeetingRequestedByCommittee
{
    public required Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required string Reason { get; init; }
    /// <summary>For accusations: the accused unit (canonical code), never invited to, leading or owning an item of a meeting on the case.</summary>
    public string? AccusedUnit { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    /// <summary>The trace the case began in (W3C traceparent), for JointMeeting to link its later calls on the case to.</summary>
    public string? CaseTraceParent { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
