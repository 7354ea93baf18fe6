namespace Coordination.Contracts.Directory;

/// <summary>
/// A service asks for the whole unit directory (sent once at start-up, after its own queue is bound). The
/// Directory answers with <see cref="UnitDirectoryPublished"/>, so a service that started after the units were
/// registered, or whose copy was lost, still learns every unit.
/// </summary>
public sealed record UnitDirectoryRequested
{
    public required string Service { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
