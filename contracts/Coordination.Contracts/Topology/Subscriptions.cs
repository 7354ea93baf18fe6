using System.Reflection;
using System.Text.Json;

namespace Coordination.Contracts.Topology;

/// <summary>
/// Which queue of which service takes which event: the system's subscriptions, as the consumers declare them
/// (subscriptions.json, checked against every service's consumers by a unit test). A publisher declares the queues of
/// an event's subscribers before it first publishes that event, so that an event published before its consumer has
/// ever started waits in the consumer's queue instead of reaching only the consumers that happened to be up.
/// </summary>
public static class Subscriptions
{
    private static readonly Lazy<IReadOnlyList<Subscription>> all = new(Load);

    /// <summary>Every consumer queue of the system (deployed names, without an endpoint prefix).</summary>
    public static IReadOnlyList<Subscription> All => all.Value;

    /// <summary>The queues that take one event type.</summary>
    public static IEnumerable<string> QueuesOf(Type messageType) =>
        All.Where(s => s.MessageTypes.Contains(messageType.FullName!)).Select(s => s.Queue);

    private static readonly Lazy<HashSet<string>> subscribed = new(() => All.SelectMany(s => s.MessageTypes).ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether some queue takes the event type: what the outbox publishes as mandatory.</summary>
    public static bool HasSubscribers(Type messageType) => subscribed.Value.Contains(messageType.FullName!);

    /// <summary>Every event type some queue takes, resolved to its contract type.</summary>
    public static IEnumerable<Type> MessageTypes =>
        All.SelectMany(s => s.MessageTypes).Distinct().Select(name =>
            typeof(Subscriptions).Assembly.GetType(name) ?? throw new InvalidOperationException($"subscriptions.json names {name}, which is no contract"));

    private static IReadOnlyList<Subscription> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Coordination.Contracts.Topology.subscriptions.json")
            ?? throw new InvalidOperationException("subscriptions.json is not embedded");
        return JsonSerializer.Deserialize<List<Subscription>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }
}

/// <summary>One consumer queue and the full names of the event types bound to it.</summary>
public sealed record Subscription(string Queue, IReadOnlyList<string> MessageTypes);
