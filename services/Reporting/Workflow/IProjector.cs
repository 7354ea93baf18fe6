using Coordination.Reporting.Persistence;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// Keeps one read model: folds the events it declares, in the consumer's transaction (the inbox makes it exactly once),
/// and empties its tables before a rebuild replays the event log through it. Figures come from events only.
/// </summary>
public interface IProjector
{
    /// <summary>The event types this read model folds. Reporting subscribes to exactly the union over all projectors.</summary>
    IReadOnlySet<Type> Folds { get; }

    Task ApplyAsync(ReportingDb db, EventEnvelope e, CancellationToken ct);

    Task ClearAsync(ReportingDb db, CancellationToken ct);
}
