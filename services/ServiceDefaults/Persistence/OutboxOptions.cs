namespace Coordination.ServiceDefaults.Persistence;

/// <summary>Outbox: the relay and the inbox pruning (ADR 1, ADR 10).</summary>
public sealed class OutboxOptions
{
    /// <summary>False leaves committed messages unsent (used to prove that a crash before publishing loses nothing).</summary>
    public bool RelayEnabled { get; set; } = true;
    public int BatchSize { get; set; } = 200;
    /// <summary>
    /// Relay loops in each replica (ADR 38): like replicas, they claim with SKIP LOCKED and keep each case's rows in order,
    /// so some claim and publish what was committed while others wait for their batches' confirms (RabbitMQ confirms a
    /// persistent message once it is on disk: 9–21 ms at 300 cases/s on the development machine, 40–80 in its tail).
    /// Four, measured against two and eight at 300 cases/s; only the first also polls (<see cref="PollInterval"/>).
    /// </summary>
    public int RelayLoops { get; set; } = 4;
    public const int MaxRelayLoops = 8;
    /// <summary>
    /// How often the relay's first loop looks for rows written by other replicas (or due again) when nothing woke it; the
    /// other loops wait for this replica's commits.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>The pause after a batch the broker failed (down, channel closed): the failed rows stay and go again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>The longest wait between two tries of an unroutable row (1 s, 2 s, 4 s … up to this).</summary>
    public TimeSpan UnroutableRetryMax { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// How long a row may stay unroutable before it is quarantined: far longer than any start-up race (compose starting
    /// services in parallel), short enough that an event nobody receives becomes visible the same day.
    /// </summary>
    public TimeSpan UnroutableQuarantineAfter { get; set; } = TimeSpan.FromHours(1);
    /// <summary>
    /// How long a consumed message id is kept in the inbox: it must outlive every redelivery of that message (the delayed
    /// redelivery rounds, and an operator moving it back from _error), or a late copy would be applied twice.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan InboxPruneInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Rows deleted per statement, so that pruning a large backlog never holds long locks or a long transaction.</summary>
    public int InboxPruneBatch { get; set; } = 5000;
    /// <summary>
    /// The relay vacuums the outbox after deleting this many rows (0: never; autovacuum alone). Every row is inserted
    /// and deleted within moments, so between autovacuum's visits (a minute apart by default) the table fills with dead
    /// rows that each claim must step over: at 450 cases a second a claim took 2–6 ms instead of 0.2 (issue 15).
    /// </summary>
    public int VacuumAfterDeleted { get; set; } = 2000;
}
