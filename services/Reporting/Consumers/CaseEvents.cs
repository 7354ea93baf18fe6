using Coordination.Reporting.Api;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;

namespace Coordination.Reporting.Consumers;

/// <summary>
/// What every case event does in Reporting, once per message: a timeline entry, the event log and the read models
/// in one transaction; then, committed, whatever reads the committed figures (early warnings, the live counters in
/// Redis). Those run again on a redelivery, so a crash between the two never skips them.
/// </summary>
public static class CaseEvents
{
    public static async Task RecordAsync<T>(InboxProcessor<ReportingDb> inbox, LiveFigures live, ConsumeContext<T> context, string consumer, Guid caseId,
        DateTimeOffset at, Func<CancellationToken, Task>? afterCommit = null) where T : class
    {
        await inbox.ApplyOnceAsync(context, consumer, async (db, ct) =>
        {
            TimelineEntries.Add(db, context.MessageId!.Value, caseId, at, context.Message);
            await EventLog.RecordAsync(db, context.MessageId!.Value, context.Message, caseId, at, ct);
        });
        if (afterCommit is not null) await afterCommit(context.CancellationToken);
        await live.AfterAsync(context.Message, context.CancellationToken);
    }
}
