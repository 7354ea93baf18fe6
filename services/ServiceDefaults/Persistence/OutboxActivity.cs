using System.Diagnostics;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>The span the relay opens under the trace that wrote the row, so MassTransit's send joins it.</summary>
public static class OutboxActivity
{
    public const string SourceName = "Coordination.Outbox";
    internal static readonly ActivitySource Source = new(SourceName);
}
