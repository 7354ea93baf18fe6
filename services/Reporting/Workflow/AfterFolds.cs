using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Reporting.Workflow;

/// <summary>Once a batch of folds committed: each after-commit step with the batch's events it follows, in registration order.</summary>
public sealed class AfterFolds(IEnumerable<IAfterCommit> steps, CommittedRows committed) : IAfterGroupCommit<ReportingDb>
{
    public async Task RunAsync(IReadOnlyList<object?> states, CancellationToken ct)
    {
        committed.Capture();
        var events = states.OfType<EventEnvelope>().ToList();
        foreach (var step in steps)
        {
            var followed = events.Where(e => step.Follows.Contains(e.Message.GetType())).ToList();
            if (followed.Count > 0) await step.RunAsync(followed, ct);
        }
    }
}
