namespace Coordination.Contracts.LegalDiversion;

/// <summary>The political-legal committee marked the case major or difficult.</summary>
public sealed record CaseMarkedMajor
{
    public required Guid CaseId { get; init; }
    public required Guid ReferralId { get; init; }
    public required string Reason { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
