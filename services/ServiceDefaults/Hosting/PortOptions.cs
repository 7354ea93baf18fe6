namespace Coordination.ServiceDefaults.Hosting;

/// <summary>gRPC needs HTTP/2 without TLS on its own port; health and browser endpoints use HTTP/1 on another.</summary>
public sealed class PortOptions
{
    public int Grpc { get; set; }
    public int Http { get; set; }
    /// <summary>Listen on every interface (containers) instead of loopback only.</summary>
    public bool AnyIp { get; set; }
}
