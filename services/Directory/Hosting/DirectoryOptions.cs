using Coordination.Directory.Domain;

namespace Coordination.Directory.Hosting;

/// <summary>The "Directory" configuration section.</summary>
public sealed class DirectoryOptions
{
    /// <summary>Default http://127.0.0.1:{Ports:Http}/.</summary>
    public string? Issuer { get; set; }
    /// <summary>Serve the sign-in server over plain HTTP (always so in Development).</summary>
    public bool AllowHttp { get; set; }
    /// <summary>The resource-owner password grant (always on in Development); for tests and scripts only.</summary>
    public bool AllowPasswordGrant { get; set; }
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
    public string? SigningKey { get; set; }
    public string? SigningKeyPath { get; set; }
    public string? EncryptionKey { get; set; }
    public string? EncryptionKeyPath { get; set; }
    /// <summary>Where Development keeps the keys it generated; default $HOME/.coordination/directory.</summary>
    public string? KeyDirectory { get; set; }
    public ConsoleClientOptions Console { get; set; } = new();
    public Dictionary<string, ServiceClientOptions> ServiceClients { get; set; } = [];
    public AdministratorOptions Administrator { get; set; } = new();
    public LockoutPolicy Lockout { get; set; } = new();
}
