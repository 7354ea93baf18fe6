namespace Coordination.Contracts.Directory;

/// <summary>Every unit of the directory, active or not, in one message. Published by Directory.</summary>
public sealed record UnitDirectoryPublished
{
    public required IReadOnlyList<DirectoryUnit> Units { get; init; }
    /// <summary>The deactivated people (subjects), so a service that missed <see cref="PersonDeactivated"/> still refuses them.</summary>
    public IReadOnlyList<DeactivatedPerson> DeactivatedPeople { get; init; } = [];
    /// <summary>Every recusal (ADR 30), so a service that missed <see cref="PersonRecused"/> still keeps the person away.</summary>
    public IReadOnlyList<RecusedPerson> Recusals { get; init; } = [];
    public required DateTimeOffset OccurredAt { get; init; }
}
