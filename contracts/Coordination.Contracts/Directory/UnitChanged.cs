namespace Coordination.Contracts.Directory;

/// <summary>A unit's name, parent, region or active flag changed (deactivation included). Published by Directory.</summary>
public sealed record UnitChanged
{
    public required DirectoryUnit Unit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
