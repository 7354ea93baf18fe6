namespace Coordination.Reporting.Domain;

/// <summary>One case as the statistics see it, folded from its events.</summary>
public sealed class CaseFact
{
    public Guid CaseId { get; init; }
    public required string CaseNumber { get; set; }
    public required string RegionCode { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string Topic { get; set; } = "";
    public bool ToBeijing { get; set; }
    /// <summary>A people's suggestion (§18, ADR 26): on its own track, left out of the complaint statistics.</summary>
    public bool Suggestion { get; set; }
    public int Repeats { get; set; }
    public bool ReviewRequested { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public string? Rating { get; set; }
    public DateTimeOffset? HandlingDueAt { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public bool HandlingMissed { get; set; }
    public bool Collective { get; set; }
    /// <summary>Marked major or difficult by a political-legal committee.</summary>
    public bool Major { get; set; }
    /// <summary>The direct responsible person of a to-Beijing case's responsibility record (§9).</summary>
    public string? ResponsiblePerson { get; set; }
    public string? ResponsibleUnit { get; set; }
}
