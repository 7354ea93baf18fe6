using System.Text.Json;
using Coordination.Reporting.Domain;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Reporting.Persistence;

/// <summary>How a consumed event is kept in the event log, and read back for a rebuild.</summary>
public static class LoggedEvents
{
    /// <summary>The entry for an event, holding only the fields the reports need (LoggedFields).</summary>
    public static EventLogEntry Entry(Guid messageId, object message, Guid caseId, DateTimeOffset occurredAt) => new()
    {
        MessageId = messageId, MessageType = MessageTypes.NameOf(message.GetType()), CaseId = caseId, OccurredAt = occurredAt,
        Body = JsonSerializer.Serialize(LoggedFields.Needed(message), message.GetType(), JsonSerializerOptions.Web),
    };

    public static object Read(EventLogEntry entry) =>
        JsonSerializer.Deserialize(entry.Body, MessageTypes.Resolve(entry.MessageType), JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"empty event {entry.MessageId}");
}
