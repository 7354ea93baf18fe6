namespace Coordination.Contracts.Directory;

/// <summary>A person whose tokens are no longer accepted: those issued at or before <see cref="DeactivatedAt"/>.</summary>
public sealed record DeactivatedPerson
{
    public required string Subject { get; init; }
    public required DateTimeOffset DeactivatedAt { get; init; }
}
