namespace Coordination.Directory.Hosting;

/// <summary>Directory:Administrator: the bootstrap administrator, created at start when a password is configured.</summary>
public sealed class AdministratorOptions
{
    public string Login { get; set; } = "admin";
    public string? Password { get; set; }
}
