using System.Collections.Concurrent;
using System.Reflection;

namespace Coordination.Reporting.Workflow;

/// <summary>One event as the projectors fold it: live from the bus, or replayed from the event log.</summary>
public sealed record EventEnvelope(Guid MessageId, Guid CaseId, DateTimeOffset OccurredAt, object Message)
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo? CaseId, PropertyInfo OccurredAt)> Frames = new();

    /// <summary>
    /// Every contract names its case CaseId and its instant OccurredAt; an event without a case (a reception day) has
    /// Guid.Empty for one.
    /// </summary>
    public static EventEnvelope Of(Guid messageId, object message)
    {
        var (caseId, occurredAt) = Frames.GetOrAdd(message.GetType(), static type =>
        (
            type.GetProperty("CaseId") is { PropertyType: var t } p && t == typeof(Guid) ? p : null,
            type.GetProperty("OccurredAt") is { PropertyType: var o } q && o == typeof(DateTimeOffset) ? q
                : throw new InvalidOperationException($"{type.Name} has no OccurredAt")
        ));
        return new EventEnvelope(messageId, (Guid?)caseId?.GetValue(message) ?? Guid.Empty, (DateTimeOffset)occurredAt.GetValue(message)!, message);
    }
}
