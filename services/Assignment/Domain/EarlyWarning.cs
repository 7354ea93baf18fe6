namespace Coordination.Assignment.Domain;

/// <summary>Reporting's early warning as Assignment keeps it: what a major event can be opened from.</summary>
public sealed class EarlyWarning
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string RegionCode { get; init; }
    public required string Subject { get; init; }
    public required string Evidence { get; init; }
    public Guid? CaseId { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
}
