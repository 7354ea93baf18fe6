namespace Coordination.ServiceDefaults.Persistence;

public sealed class OutboxOptions
{
    /// <summary>False leaves committed messages unsent (used to prove that a crash before publishing loses nothing).</summary>
    public bool RelayEnabled { get; set; } = true;
    public int BatchSize { get; set; } = 200;
    /// <summary>How often the relay looks for rows written by other replicas when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
