namespace Coordination.Assignment.Domain;

/// <summary>A public holiday: not a working day, and a limit ending on it rolls to the next working day.</summary>
public sealed class Holiday
{
    public DateOnly Date { get; init; }
    public required string Name { get; init; }
}
