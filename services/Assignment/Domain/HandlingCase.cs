namespace Coordination.Assignment.Domain;

/// <summary>Assignment's view of a case: what it needs to route and track the handling.</summary>
public sealed class HandlingCase
{
    public Guid Id { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required string Topic { get; init; }
    public bool LawRelated { get; init; }
    public List<string> OtherRegionCodes { get; init; } = [];
    /// <summary>For accusations: never hand the case to the unit it accuses (DOMAIN.md, Access).</summary>
    public string? AccusedUnit { get; init; }
    public required string Status { get; set; }
    public DateTimeOffset RegisteredAt { get; init; }
    public List<Assignment> Assignments { get; init; } = [];
}
