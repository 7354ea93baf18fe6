namespace Coordination.Contracts.Intake;

/// <summary>A leader's reception day (领导接待日, seed §6) was scheduled and published.</summary>
public sealed record ReceptionDayScheduled
{
    public required Guid ReceptionDayId { get; init; }
    public required string LeaderName { get; init; }
    /// <summary>city, county, provincial_department or township.</summary>
    public required string Level { get; init; }
    public required string RegionCode { get; init; }
    public required DateOnly Date { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
