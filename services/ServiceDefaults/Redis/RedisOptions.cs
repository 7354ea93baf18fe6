namespace Coordination.ServiceDefaults.Redis;

/// <summary>Redis:Configuration and how long anything may wait for it (ADR 11).</summary>
public sealed class RedisOptions
{
    public string Configuration { get; set; } = "127.0.0.1:6379";

    /// <summary>
    /// Every command's limit (sync and async). Redis is a copy of what PostgreSQL holds, so waiting longer than a
    /// PostgreSQL read would take is never worth it: past this, the caller reads PostgreSQL instead.
    /// </summary>
    public int TimeoutMs { get; set; } = 250;

    /// <summary>How long the first connection may take; paid once at start (RedisConnectionWarmUp), never by a request.</summary>
    public int ConnectTimeoutMs { get; set; } = 1000;
}
