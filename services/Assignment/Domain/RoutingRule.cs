namespace Coordination.Assignment.Domain;

/// <summary>
/// One row of the routing catalogue (分级负责、归口办理): cases from regions under RegionPrefix about Topic
/// (null: any topic) go to UnitCode. The catalogue is data with a version, not code.
/// </summary>
public sealed class RoutingRule
{
    public int Id { get; init; }
    public required string CatalogueVersion { get; init; }
    public required string RegionPrefix { get; init; }
    public string? Topic { get; init; }
    public required string UnitCode { get; init; }
    public required string Kind { get; init; }
}
