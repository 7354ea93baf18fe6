namespace Coordination.Reporting.Workflow;

/// <summary>
/// Work that reads the committed read models, so it runs after the fold's commit, once for all the events a batch
/// folded (GroupCommit, AfterFolds); and again on a redelivery, so a crash between the commit and this never skips it. It must
/// therefore be safe to repeat.
/// </summary>
public interface IAfterCommit
{
    IReadOnlySet<Type> Follows { get; }

    /// <param name="events">The batch's events this step follows, in the order they were folded.</param>
    Task RunAsync(IReadOnlyList<EventEnvelope> events, CancellationToken ct);
}
