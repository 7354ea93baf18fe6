namespace Coordination.Reporting.Workflow;

/// <summary>
/// Work that reads the committed read models, so it runs after the fold's commit; and again on a redelivery, so a crash
/// between the commit and this never skips it. It must therefore be safe to repeat.
/// </summary>
public interface IAfterCommit
{
    IReadOnlySet<Type> Follows { get; }

    Task RunAsync(EventEnvelope e, CancellationToken ct);
}
