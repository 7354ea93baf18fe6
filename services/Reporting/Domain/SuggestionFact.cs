namespace Coordination.Reporting.Domain;

/// <summary>
/// One people's suggestion (§18) as the report of suggestions counts it. Its events may arrive in any order: whichever comes
/// first makes the row, the registration fills in where and when.
/// </summary>
public sealed class SuggestionFact
{
    public Guid CaseId { get; init; }
    public string RegionCode { get; set; } = "";
    public string Topic { get; set; } = "";
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? Outcome { get; set; }
    public bool Commended { get; set; }
}
