namespace Coordination.Assignment.Workflow;

/// <summary>`Assignment:MajorEvents`: how many hours the bureau has for a major event's first report (§11, §13).</summary>
public sealed class MajorEventOptions
{
    public int FirstReportHours { get; set; } = 2;
}
