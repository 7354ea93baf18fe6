namespace Coordination.Intake.Persistence;

/// <summary>The last sequence number given out per region and year; the row lock makes numbers unique and gapless.</summary>
public sealed class CaseNumberCounter
{
    public required string RegionCode { get; init; }
    public int Year { get; init; }
    public long LastValue { get; set; }
}
