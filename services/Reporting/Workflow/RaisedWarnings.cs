using System.Collections.Concurrent;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// The warnings this replica knows are raised (kind, subject, period). A warning is raised once and never withdrawn, so
/// once seen it need not be asked about again: under a spike every later petition of the day skipped two queries and a
/// transaction each (issue 15). Another replica's warnings are learnt on the first check; the table stays the truth.
/// </summary>
public sealed class RaisedWarnings
{
    private const int Capacity = 100_000;
    private readonly ConcurrentDictionary<(string Kind, string Subject, string Period), byte> _known = new();

    public bool Contains(string kind, string subject, string period) => _known.ContainsKey((kind, subject, period));

    public void Add(string kind, string subject, string period)
    {
        if (_known.Count >= Capacity) _known.Clear(); // periods are days and months: old keys are only ever asked about again in a rebuild
        _known.TryAdd((kind, subject, period), 0);
    }
}
