namespace Coordination.Reporting.Domain;

/// <summary>What Reporting needs to scope a case's reports to a jurisdiction.</summary>
public sealed class CaseScope
{
    public Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
}
