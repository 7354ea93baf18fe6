using System.Collections.Concurrent;

namespace Coordination.Bench.Mixed;

/// <summary>
/// What the actors hand each other: cases registered this round (the bureau reads them), hand-overs a department signed
/// for (it accepts and reports on them later) and reports waiting for the bureau's review and reply.
/// </summary>
public sealed class Handling
{
    private const int Kept = 2000;
    /// <summary>The bureau looks at a case this long after its registration (sooner it may not be on the timeline yet).</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);
    private readonly ConcurrentQueue<(Guid CaseId, DateTimeOffset At)> _recent = new();
    public ConcurrentQueue<(string AssignmentId, Guid CaseId)> ReportsToReview { get; } = new();

    public void Registered(Guid caseId)
    {
        _recent.Enqueue((caseId, DateTimeOffset.UtcNow));
        while (_recent.Count > Kept) _recent.TryDequeue(out _);
    }

    /// <summary>One of the recently registered cases, registered at least two seconds ago; none before there is one.</summary>
    public Guid? AnyRecent()
    {
        var settled = _recent.Where(r => DateTimeOffset.UtcNow - r.At >= Settled).ToArray();
        return settled.Length == 0 ? null : settled[Random.Shared.Next(settled.Length)].CaseId;
    }
}
