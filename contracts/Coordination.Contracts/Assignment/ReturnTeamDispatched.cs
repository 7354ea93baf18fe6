namespace Coordination.Contracts.Assignment;

/// <summary>
/// A dispatch order (§11): people of the directory sent from a unit to Beijing or the provincial capital to persuade the
/// petitioners to return (劝返) and receive them (接返).
/// </summary>
public sealed record ReturnTeamDispatched
{
    public required Guid MajorEventId { get; init; }
    public required Guid DispatchId { get; init; }
    public required Guid CaseId { get; init; }
    /// <summary>beijing or provincial_capital.</summary>
    public required string Destination { get; init; }
    public required string FromUnit { get; init; }
    /// <summary>Directory logins of the people sent.</summary>
    public required IReadOnlyList<string> People { get; init; }
    public required DateTimeOffset DepartAt { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
