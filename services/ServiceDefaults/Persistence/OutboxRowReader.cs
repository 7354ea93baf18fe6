using System.Text.Json;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>Turns an outbox row back into the message it holds, or says why it never can.</summary>
public static class OutboxRowReader
{
    /// <summary>
    /// False, with the reason, when the row is unreadable: an unknown type, a body that is not that type's JSON, an
    /// empty body. The row is fixed data, so trying again fails the same way: such a row is quarantined, not retried.
    /// </summary>
    public static bool TryRead(OutboxMessage row, out Type type, out object message, out string reason)
    {
        type = typeof(object);
        message = new object();
        try
        {
            type = MessageTypes.Resolve(row.MessageType);
        }
        catch (Exception ex)
        {
            // Type.GetType throws for malformed names (FileLoadException, ArgumentException) as well as returning null.
            reason = ex is InvalidOperationException ? ex.Message : $"unknown message type '{row.MessageType}': {ex.Message}";
            return false;
        }
        try
        {
            var read = string.IsNullOrWhiteSpace(row.Body) ? null : JsonSerializer.Deserialize(row.Body, type, ServiceDbContext.Json);
            if (read is null)
            {
                reason = "empty body";
                return false;
            }
            message = read;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            reason = $"body is not a {type.Name}: {ex.Message}";
            return false;
        }
        reason = "";
        return true;
    }
}
