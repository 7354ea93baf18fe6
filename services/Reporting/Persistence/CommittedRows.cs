namespace Coordination.Reporting.Persistence;

/// <summary>
/// A batch's case facts and live counters as its transaction committed them (it held their rows' locks to the commit),
/// taken before any after-commit step runs: a step may clear the change tracker (EarlyWarningCheck does), and the next
/// would find nothing tracked. Lets the live counters reach Redis without reading back what was just written (issue 15).
/// </summary>
public sealed class CommittedRows(ReportingDb db)
{
    public IReadOnlyDictionary<Guid, (string RegionCode, DateTimeOffset? ClosedAt)> Facts { get; private set; } =
        new Dictionary<Guid, (string, DateTimeOffset?)>();

    public IReadOnlyDictionary<(DateOnly Day, string Region), int[]> Counters { get; private set; } = new Dictionary<(DateOnly, string), int[]>();

    /// <summary>Call right after the commit, before the after-commit steps.</summary>
    public void Capture()
    {
        Facts = db.CaseFacts.Local.ToDictionary(f => f.CaseId, f => (f.RegionCode, f.ClosedAt));
        Counters = db.LiveCounters.Local.ToDictionary(c => (c.Day, c.RegionCode), c => c.Values);
    }
}
