namespace Coordination.Reporting.Domain;

/// <summary>A raised early warning with its evidence; one per kind, subject and period.</summary>
public sealed class EarlyWarning
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string RegionCode { get; init; }
    public required string Subject { get; init; }
    /// <summary>The day (yyyy-MM-dd) or month (yyyy-MM) it is about: one warning per kind, subject and period.</summary>
    public required string Period { get; init; }
    public required string Evidence { get; init; }
    public Guid? CaseId { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
}
