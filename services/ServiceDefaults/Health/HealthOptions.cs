namespace Coordination.ServiceDefaults.Health;

/// <summary>Section "Health": when a backlog is worth reporting, and how often the gauges are refreshed.</summary>
public sealed class HealthOptions
{
    /// <summary>Unsent outbox rows beyond which health is Degraded: the relay is stuck or far behind.</summary>
    public int OutboxBacklogRows { get; set; } = 1000;

    /// <summary>Age of the oldest unsent outbox row beyond which health is Degraded (the relay sends within a second when well).</summary>
    public TimeSpan OutboxBacklogAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the backlog and queue gauges are read when nobody asks for health.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
