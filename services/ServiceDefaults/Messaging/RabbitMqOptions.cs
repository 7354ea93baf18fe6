namespace Coordination.ServiceDefaults.Messaging;

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    /// <summary>
    /// The other nodes of a RabbitMQ cluster (host names, comma-separated), tried in turn when the connection to the one
    /// in use is lost; empty for a single broker. Quorum queues keep their messages on the surviving nodes.
    /// </summary>
    public string? ClusterNodes { get; set; }
    public int Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "coordination";
    public string Password { get; set; } = "coordination";
    /// <summary>
    /// 64/64 carried twice the default's rate on a 2-core machine (STACK.md); 256/256 more again under the benchmark
    /// (issue 15): every consumer commits through a group commit, which takes whatever is in flight, so more in flight
    /// means fewer, larger transactions (Reporting's CPU a case fell from ~0.6 to ~0.45 ms) and Reporting no longer fell
    /// seconds behind the registrations.
    /// </summary>
    public int PrefetchCount { get; set; } = 256;
    public int ConcurrentMessageLimit { get; set; } = 256;
    /// <summary>Queue-name prefix; defaults to the service name, so replicas compete for one queue.</summary>
    public string? EndpointPrefix { get; set; }
    /// <summary>Delayed redelivery after the quick retries (ADR 9).</summary>
    public DelayedRedeliveryOptions Redelivery { get; set; } = new();
}
