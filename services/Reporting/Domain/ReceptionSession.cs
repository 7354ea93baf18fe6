namespace Coordination.Reporting.Domain;

/// <summary>A reception day that was held (seed §6–8), with the cases registered there.</summary>
public sealed class ReceptionSession
{
    public Guid ReceptionDayId { get; init; }
    public required string LeaderName { get; init; }
    public required string Level { get; init; }
    public required string RegionCode { get; init; }
    public required string Month { get; init; }
    public List<Guid> CaseIds { get; init; } = [];
}
