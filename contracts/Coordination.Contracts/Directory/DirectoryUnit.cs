namespace Coordination.Contracts.Directory;

/// <summary>
/// A unit as the Directory knows it: the canonical code (lower-case), its Chinese name, kind, region and parent.
/// Carried by every unit event, so a service's copy is always one whole row. <see cref="Version"/> grows with each
/// change, so an older copy never overwrites a newer one whatever order the events arrive in.
/// </summary>
public sealed record DirectoryUnit
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    /// <summary>One of <see cref="UnitKinds"/>.</summary>
    public required string Kind { get; init; }
    public required string RegionCode { get; init; }
    public string? ParentCode { get; init; }
    public required bool Active { get; init; }
    public required int Version { get; init; }
}
