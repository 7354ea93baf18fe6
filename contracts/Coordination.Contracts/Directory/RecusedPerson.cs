namespace Coordination.Contracts.Directory;

/// <summary>A person kept away from a case since <see cref="RecusedAt"/> (ADR 30).</summary>
public sealed record RecusedPerson
{
    public required string Subject { get; init; }
    public required Guid CaseId { get; init; }
    public required DateTimeOffset RecusedAt { get; init; }
}
