using Coordination.Assignment.Domain;

namespace Coordination.Assignment.Persistence;

/// <summary>The first routing catalogue, shipped as migration data; later versions are added as rows.</summary>
public static class RoutingSeed
{
    public const string Version = "2026.1";

    public static readonly RoutingRule[] Rules =
    [
        new() { Id = 1, CatalogueVersion = Version, RegionPrefix = "3201", Topic = "housing", UnitCode = "nanjing-housing-bureau", Kind = AssignmentKinds.Assignment },
        new() { Id = 2, CatalogueVersion = Version, RegionPrefix = "320102", Topic = "housing", UnitCode = "xuanwu-housing-office", Kind = AssignmentKinds.Assignment },
        new() { Id = 3, CatalogueVersion = Version, RegionPrefix = "3201", Topic = "labour", UnitCode = "nanjing-labour-bureau", Kind = AssignmentKinds.Assignment },
        new() { Id = 4, CatalogueVersion = Version, RegionPrefix = "3201", Topic = "land", UnitCode = "nanjing-land-bureau", Kind = AssignmentKinds.Assignment },
        new() { Id = 5, CatalogueVersion = Version, RegionPrefix = "32", Topic = "environment", UnitCode = "jiangsu-environment-department", Kind = AssignmentKinds.Transfer },
        new() { Id = 6, CatalogueVersion = Version, RegionPrefix = "3202", Topic = null, UnitCode = "wuxi-petition-office", Kind = AssignmentKinds.Assignment },
    ];
}
