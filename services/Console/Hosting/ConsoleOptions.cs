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
