using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// Reporting's unit of work for a consumed event: the event log, the inbox and every read model that folds it, in one
/// transaction shared with the events consumed at the same moment (GroupCommit); then, committed, whatever reads the
/// committed figures (early warnings, the live counters in Redis: AfterFolds). Those run again on a redelivery, so a
/// crash between the two never skips them.
/// </summary>
public sealed class ProjectionPipeline(GroupCommit<ReportingDb> commits, ReadModels readModels)
{
    /// <param name="consumer">The name the inbox records the message under: the queue's, so a redelivery across versions is still one.</param>
    public Task FoldAsync<T>(ConsumeContext<T> context, string consumer) where T : class
    {
        var e = EventEnvelope.Of(context.MessageId ?? throw new InvalidOperationException("a message without a MessageId cannot be folded once"),
            context.Message);
        return commits.ApplyOnceAsync(e.MessageId, consumer, (db, ct) =>
        {
            db.EventLog.Add(LoggedEvents.Entry(e.MessageId, e.Message, e.CaseId, e.OccurredAt));
            return readModels.ApplyAsync(db, e, ct);
        }, e, context.CancellationToken);
    }
}
