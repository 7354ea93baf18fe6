namespace Coordination.Reporting.Domain;

/// <summary>A convened joint meeting as the report sees it; closed once its cases were concluded.</summary>
public sealed class MeetingFact
{
    public Guid MeetingId { get; init; }
    public Guid CaseId { get; set; }
    public bool Closed { get; set; }
    public List<string> Parties { get; set; } = [];
    public List<string> Answered { get; set; } = [];
    public List<string> PositionsIn { get; set; } = [];
}
