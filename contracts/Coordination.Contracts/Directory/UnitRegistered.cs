namespace Coordination.Contracts.Directory;

/// <summary>A unit was added to the directory. Published by Directory.</summary>
public sealed record UnitRegistered
{
    public required DirectoryUnit Unit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
