namespace Coordination.Reporting.Domain;

/// <summary>One batch of petitioners who went to Beijing (去京上访), new case or repeat (§9).</summary>
public sealed class BeijingPetition
{
    public Guid MessageId { get; init; }
    public Guid CaseId { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>yyyy-MM in China Standard Time.</summary>
    public required string Month { get; init; }
    public int People { get; init; }
    public bool Collective { get; init; }
}
