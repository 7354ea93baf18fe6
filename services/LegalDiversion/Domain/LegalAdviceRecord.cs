namespace Coordination.LegalDiversion.Domain;

/// <summary>Legal advice a lawyer gave at reception (seed §14).</summary>
public sealed class LegalAdviceRecord
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string RegionCode { get; init; }
    public required string Lawyer { get; init; }
    public required string Firm { get; init; }
    public required string Advice { get; init; }
    public DateTimeOffset GivenAt { get; init; }
    public required string RecordedBy { get; init; }
}
