using System.Text.Json;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Reporting.Domain;

/// <summary>Keeps every consumed event and folds it into the statistics, in the consumer's transaction.</summary>
public static class EventLog
{
    public static async Task RecordAsync(ReportingDb db, Guid messageId, object message, Guid caseId, DateTimeOffset occurredAt, CancellationToken ct)
    {
        db.EventLog.Add(new EventLogEntry
        {
            MessageId = messageId, MessageType = MessageTypes.NameOf(message.GetType()), CaseId = caseId, OccurredAt = occurredAt,
            Body = JsonSerializer.Serialize(message, message.GetType(), JsonSerializerOptions.Web),
        });
        await Projections.ApplyAsync(db, messageId, message, ct);
    }

    public static object Read(EventLogEntry entry) =>
        JsonSerializer.Deserialize(entry.Body, MessageTypes.Resolve(entry.MessageType), JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"empty event {entry.MessageId}");
}
