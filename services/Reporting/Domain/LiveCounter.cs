namespace Coordination.Reporting.Domain;

/// <summary>
/// A region's figures for one Nanjing day, folded from events in the consumer's transaction (exactly once, with the
/// inbox): the truth that Redis's live counters copy.
/// </summary>
public sealed class LiveCounter
{
    public DateOnly Day { get; init; }
    public required string RegionCode { get; init; }
    public int Registered { get; set; }
    public int Repeats { get; set; }
    public int ToBeijing { get; set; }
    public int Collective { get; set; }
    public int Closed { get; set; }

    public int[] Values => [Registered, Repeats, ToBeijing, Collective, Closed];
}
