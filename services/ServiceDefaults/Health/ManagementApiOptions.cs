namespace Coordination.ServiceDefaults.Health;

/// <summary>
/// The RabbitMQ management API, from the "RabbitMq" section (Host, ManagementPort, VirtualHost, Username, Password).
/// Without a ManagementPort the queue check is not registered at all.
/// </summary>
public sealed class ManagementApiOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int ManagementPort { get; set; }
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "coordination";
    public string Password { get; set; } = "coordination";
}
