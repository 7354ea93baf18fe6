namespace Coordination.Contracts.LegalDiversion;

/// <summary>A lawyer gave legal advice at reception (seed §14).</summary>
public sealed record LegalAdviceRecorded
{
    public required Guid CaseId { get; init; }
    public required string Lawyer { get; init; }
    public required string Firm { get; init; }
    public required string Advice { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
