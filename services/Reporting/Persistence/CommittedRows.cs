using Coordination.Reporting.Domain;

namespace Coordination.Reporting.Persistence;

/// <summary>
/// A batch's case facts and live counters as its transaction committed them (it held their rows' locks to the commit),
/// taken before any after-commit step runs: a step may clear the change tracker (EarlyWarningCheck does), and the next
/// would find nothing tracked. Lets the live counters reach Redis without reading back what was just written (issue 15).
/// </summary>
public sealed class CommittedRows(ReportingDb db)
{
    public IReadOnlyDictionary<Guid, CaseFact> Facts { get; private set; } = new Dictionary<Guid, CaseFact>();

    public IReadOnlyDictionary<(DateOnly Day, string Region), LiveCounter> Counters { get; private set; } =
        new Dictionary<(DateOnly, string), LiveCounter>();

    /// <summary>Call right after the commit, before the after-commit steps.</summary>
    public void Capture()
    {
        Facts = db.CaseFacts.Local.ToDictionary(f => f.CaseId);
        Counters = db.LiveCounters.Local.ToDictionary(c => (c.Day, c.RegionCode));
    }
}
