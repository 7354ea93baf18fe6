namespace Coordination.Console.Operations;

/// <summary>
/// The series the operator's views read, as the services' Prometheus endpoint names them (README Operations;
/// ServiceDefaults' CoordinationMetrics and OperationalReadings; MassTransit's meter).
/// </summary>
public static class MetricNames
{
    public const string Registered = "coordination_petitions_registered_total";
    public const string Published = "coordination_outbox_published_total";
    public const string OutboxBacklog = "coordination_outbox_backlog";
    public const string OutboxOldestAge = "coordination_outbox_oldest_age_seconds";
    public const string OutboxQuarantined = "coordination_outbox_quarantined";
    public const string InboxSize = "coordination_inbox_size";
    public const string QueueReady = "coordination_queue_ready";
    public const string QueueParked = "coordination_queue_parked";
    public const string Overdue = "coordination_deadlines_overdue";
    public const string Supervised = "coordination_deadlines_supervised";
    public const string ScannerLag = "coordination_deadlines_scanner_lag_seconds";
    public const string LastScanAge = "coordination_deadlines_last_scan_age_seconds";
    public const string Fired = "coordination_deadlines_fired_total";
    public const string Warnings = "coordination_warnings_raised_total";
    public const string RedisFallbacks = "coordination_redis_fallbacks_total";

    /// <summary>
    /// MassTransit's consume counter. Its unit ("ea") may be spelled into the name (Grafana's dashboards read
    /// messaging_masstransit_consume_ea_total), so either spelling is read.
    /// </summary>
    public static readonly string[] Consumed = ["messaging_masstransit_consume_ea_total", "messaging_masstransit_consume_total"];
}
