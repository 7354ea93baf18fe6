namespace Coordination.Contracts.Directory;

/// <summary>A person was deactivated: every token issued to them until now is refused everywhere. Published by Directory.</summary>
public sealed record PersonDeactivated
{
    public required string Subject { get; init; }
    public required string UnitCode { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
