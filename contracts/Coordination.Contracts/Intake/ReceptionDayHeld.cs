namespace Coordination.Contracts.Intake;

/// <summary>A reception day took place; the petitions registered there are listed for follow-up (seed §7–8).</summary>
public sealed record ReceptionDayHeld
{
    public required Guid ReceptionDayId { get; init; }
    public required string LeaderName { get; init; }
    public required string Level { get; init; }
    public required string RegionCode { get; init; }
    public required DateOnly Date { get; init; }
    public required IReadOnlyList<Guid> CaseIds { get; init; }
    public required int PeopleReceived { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
