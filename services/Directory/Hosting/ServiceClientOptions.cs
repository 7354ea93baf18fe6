namespace Coordination.Directory.Hosting;

/// <summary>Directory:ServiceClients:&lt;client id&gt;: a service that signs in with client credentials.</summary>
public sealed class ServiceClientOptions
{
    public string Secret { get; set; } = "";
    /// <summary>The jurisdiction its tokens carry (the "region" claim); default the province.</summary>
    public string Region { get; set; } = "320000";
}
