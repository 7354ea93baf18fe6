namespace Coordination.Directory.Domain;

/// <summary>Directory:Lockout: after MaxFailures wrong passwords in a row the account is locked for Duration.</summary>
public sealed class LockoutPolicy
{
    public int MaxFailures { get; set; } = 5;
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
