namespace Coordination.Console.Hosting;

/// <summary>The "Console" configuration section: where the Directory and the services are, and how long a session lasts.</summary>
public sealed class ConsoleOptions
{
    /// <summary>The Directory's sign-in server (OpenID Connect issuer).</summary>
    public string Authority { get; set; } = "http://127.0.0.1:5206/";
    public string ClientId { get; set; } = "coordination-console";
    /// <summary>A session ends at the access token's expiry or after this long, whichever comes first.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
    public ServiceAddresses Services { get; set; } = new();
    public MetricsAddresses Metrics { get; set; } = new();
}

/// <summary>Console:Services:* — the gRPC addresses of the services (defaults: ./run.sh's ports).</summary>
public sealed class ServiceAddresses
{
    public string Intake { get; set; } = "http://127.0.0.1:5101";
    public string Assignment { get; set; } = "http://127.0.0.1:5102";
    public string LegalDiversion { get; set; } = "http://127.0.0.1:5103";
    public string JointMeeting { get; set; } = "http://127.0.0.1:5104";
    public string Reporting { get; set; } = "http://127.0.0.1:5105";
    public string Directory { get; set; } = "http://127.0.0.1:5106";
}

/// <summary>
/// Console:Metrics:* — the services' HTTP addresses (their /metrics and /health/ready, unauthenticated as ever), read by the
/// operator's page 运行监控 every SampleInterval, keeping History of readings (defaults: ./run.sh's ports, 5 s, 10 min).
/// </summary>
public sealed class MetricsAddresses
{
    public string Intake { get; set; } = "http://127.0.0.1:5201";
    public string Assignment { get; set; } = "http://127.0.0.1:5202";
    public string LegalDiversion { get; set; } = "http://127.0.0.1:5203";
    public string JointMeeting { get; set; } = "http://127.0.0.1:5204";
    public string Reporting { get; set; } = "http://127.0.0.1:5205";
    public string Directory { get; set; } = "http://127.0.0.1:5206";
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan History { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Each service by name with its address, in the order the page lists them.</summary>
    public IReadOnlyList<(string Service, string Address)> All() =>
    [
        ("Intake", Intake), ("Assignment", Assignment), ("LegalDiversion", LegalDiversion),
        ("JointMeeting", JointMeeting), ("Reporting", Reporting), ("Directory", Directory),
    ];
}
