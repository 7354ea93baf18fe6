using System.Collections.Concurrent;

namespace Coordination.Bench.Mixed;

/// <summary>
/// What the actors hand each other: cases registered this round (the bureau reads them), hand-overs a department signed
/// for (it accepts and reports on them later) and reports waiting for the bureau's review and reply.
/// </summary>
public sealed class Handling
{
    private const int Kept = 2000;
    private readonly ConcurrentQueue<Guid> _recent = new();
    public ConcurrentQueue<(string AssignmentId, Guid CaseId)> ReportsToReview { get; } = new();

    public void Registered(Guid caseId)
    {
        _recent.Enqueue(caseId);
        while (_recent.Count > Kept) _recent.TryDequeue(out _);
    }

    /// <summary>One of the recently registered cases, any; none before the first registration.</summary>
    public Guid? AnyRecent()
    {
        var all = _recent.ToArray();
        return all.Length == 0 ? null : all[Random.Shared.Next(all.Length)];
    }
}
