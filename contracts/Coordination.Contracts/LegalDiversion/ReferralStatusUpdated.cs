namespace Coordination.Contracts.LegalDiversion;

/// <summary>The institution reported progress (hearing scheduled) or an outcome (decided, mediated, withdrawn).</summary>
public sealed record ReferralStatusUpdated
{
    public required Guid CaseId { get; init; }
    public required Guid ReferralId { get; init; }
    public required string InstitutionCode { get; init; }
    public required string Update { get; init; }
    public required string Note { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
