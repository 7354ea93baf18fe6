using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;

namespace Coordination.Reporting.Workflow;

/// <summary>
/// Reporting's unit of work, once per consumed event: the event log, the inbox and every read model that folds it, in
/// one transaction; then, committed, whatever reads the committed figures (early warnings, the live counters in Redis).
/// Those run again on a redelivery, so a crash between the two never skips them.
/// </summary>
public sealed class ProjectionPipeline(InboxProcessor<ReportingDb> inbox, ReadModels readModels, IEnumerable<IAfterCommit> afterCommit)
{
    /// <param name="consumer">The name the inbox records the message under: the queue's, so a redelivery across versions is still one.</param>
    public async Task FoldAsync<T>(ConsumeContext<T> context, string consumer) where T : class
    {
        var e = EventEnvelope.Of(context.MessageId ?? throw new InvalidOperationException("a message without a MessageId cannot be folded once"),
            context.Message);
        await inbox.ApplyOnceAsync(context, consumer, async (db, ct) =>
        {
            db.EventLog.Add(LoggedEvents.Entry(e.MessageId, e.Message, e.CaseId, e.OccurredAt));
            await readModels.ApplyAsync(db, e, ct);
        });
        foreach (var step in afterCommit.Where(s => s.Follows.Contains(typeof(T)))) await step.RunAsync(e, context.CancellationToken);
    }
}
