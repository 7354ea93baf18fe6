namespace Coordination.ServiceDefaults.Directory;

/// <summary>A service's copy of a directory unit (table directory_units), fed by the Directory's events.</summary>
public sealed class KnownUnit
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string RegionCode { get; set; }
    public string? ParentCode { get; set; }
    public bool Active { get; set; }
    public int Version { get; set; }
}
