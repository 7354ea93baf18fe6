namespace Coordination.Reporting.Domain;

/// <summary>An action item and its state, for the overdue list of meetings.</summary>
public sealed class ActionItemFact
{
    public Guid ItemId { get; init; }
    public Guid MeetingId { get; set; }
    public string Owner { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public string Status { get; set; } = "open";
}
