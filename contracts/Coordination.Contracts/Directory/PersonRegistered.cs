namespace Coordination.Contracts.Directory;

/// <summary>A person (with an account) was added to the directory. Published by Directory.</summary>
public sealed record PersonRegistered
{
    /// <summary>The account's login name: the "sub" claim of the person's tokens.</summary>
    public required string Subject { get; init; }
    public required string Name { get; init; }
    public required string UnitCode { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    /// <summary>For leaders: 市长, 副市长, 局长 ….</summary>
    public string? LeaderTitle { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
