using Coordination.Contracts.Directory;
using Coordination.Contracts.Intake;
using Coordination.Contracts.Reporting;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>Outbox: the relay and the inbox pruning (ADR 1, ADR 10).</summary>
public sealed class OutboxOptions
{
    /// <summary>
    /// Events no service subscribes to yet (published for later subscribers and for the trace): a mandatory publish
    /// would keep them in the outbox forever, so these go out as before, dropped by the broker if nobody listens.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultWithoutSubscribers =
    [
        MessageTypes.NameOf(typeof(EarlyWarningRaised)),
        MessageTypes.NameOf(typeof(PersonRegistered)),
        MessageTypes.NameOf(typeof(ReceptionDayScheduled)),
    ];

    /// <summary>False leaves committed messages unsent (used to prove that a crash before publishing loses nothing).</summary>
    public bool RelayEnabled { get; set; } = true;
    public int BatchSize { get; set; } = 200;
    /// <summary>How often the relay looks for rows written by other replicas when nothing woke it.</summary>
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
    /// Outbox:WithoutSubscribers:0..n, message type names (as stored in the outbox) published without the mandatory flag.
    /// Null until configured: the binder would append configured items to defaults, so <see cref="PublishedWithoutSubscribers"/> applies them.
    /// </summary>
    public string[]? WithoutSubscribers { get; set; }
    /// <summary>
    /// How long a consumed message id is kept in the inbox: it must outlive every redelivery of that message (the delayed
    /// redelivery rounds, and an operator moving it back from _error), or a late copy would be applied twice.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan InboxPruneInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Rows deleted per statement, so that pruning a large backlog never holds long locks or a long transaction.</summary>
    public int InboxPruneBatch { get; set; } = 5000;

    public IReadOnlySet<string> PublishedWithoutSubscribers() =>
        new HashSet<string>(WithoutSubscribers is { Length: > 0 } configured ? configured : DefaultWithoutSubscribers, StringComparer.Ordinal);
}
