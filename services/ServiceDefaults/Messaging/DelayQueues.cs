using System.Globalization;
using MassTransit;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client;

namespace Coordination.ServiceDefaults.Messaging;

/// <summary>
/// RabbitMQ's own way to wait without the delayed-message plugin: a classic queue per receive queue and interval,
/// without consumers, whose x-message-ttl dead-letters each message straight back into the receive queue
/// (default exchange, routing key = the queue's name) when its time is up. A message goes in through a fanout exchange
/// of the delay queue's own name, not the default exchange: a service's RabbitMQ user may write only to its own
/// exchanges (scripts/rabbit-provision.py), and the default exchange would reach every queue.
/// </summary>
public static class DelayQueues
{
    /// <summary>How many delayed redeliveries a message has had; carried as a transport header.</summary>
    public const string RedeliveryHeader = "Coordination-Redelivery-Count";

    /// <summary>
    /// Named by the interval itself (assignment-petition-registered_delay_30s), not by its position: a queue's
    /// arguments cannot change, and redeclaring one with another TTL would close the channel.
    /// </summary>
    public static string NameFor(string queue, TimeSpan interval) => $"{queue}_delay_{Label(interval)}";

    public static string Label(TimeSpan interval)
    {
        var ms = (long)interval.TotalMilliseconds;
        return ms % 3_600_000 == 0 ? $"{ms / 3_600_000}h"
            : ms % 60_000 == 0 ? $"{ms / 60_000}m"
            : ms % 1000 == 0 ? $"{ms / 1000}s"
            : ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    public static Dictionary<string, object> ArgumentsFor(string queue, TimeSpan interval) => new()
    {
        ["x-queue-type"] = "classic",
        ["x-message-ttl"] = (int)interval.TotalMilliseconds,
        ["x-dead-letter-exchange"] = "",
        ["x-dead-letter-routing-key"] = queue,
    };

    public static int RedeliveriesOf(ReceiveContext receive) => receive.TransportHeaders.Get(RedeliveryHeader, default(int?)) ?? 0;

    /// <summary>
    /// Puts the received bytes and properties, unchanged but for the count, into the delay queue, on the channel the
    /// message came in on, and waits for the broker's confirm. Declaring on every use is one round trip on a path
    /// taken only by failures, and brings back a delay queue someone deleted.
    /// </summary>
    public static async Task SendAsync(ReceiveContext receive, string queue, TimeSpan interval, int redeliveries)
    {
        if (!receive.TryGetPayload(out ChannelContext? channel) || !receive.TryGetPayload(out RabbitMqBasicConsumeContext? delivery))
            throw new InvalidOperationException("delayed redelivery needs a message received from RabbitMQ");
        var name = NameFor(queue, interval);
        // Not the consume token: a bus stopping mid-send should still get its confirm rather than lose the copy.
        await channel.QueueDeclare(name, durable: true, exclusive: false, autoDelete: false, ArgumentsFor(queue, interval), CancellationToken.None);
        await channel.ExchangeDeclare(name, ExchangeType.Fanout, durable: true, autoDelete: false, new Dictionary<string, object>(), CancellationToken.None);
        await channel.QueueBind(name, name, "", new Dictionary<string, object>(), CancellationToken.None);
        var properties = new BasicProperties(delivery.Properties) { Headers = CopyHeaders(delivery.Properties.Headers) };
        properties.Headers[RedeliveryHeader] = redeliveries;
        await channel.BasicPublishAsync(name, "", mandatory: true, properties, receive.GetBody(), awaitAck: true, CancellationToken.None);
    }

    /// <summary>Drops the broker's x-death bookkeeping: it belongs to the broker, and newer brokers refuse it from clients.</summary>
    private static Dictionary<string, object?> CopyHeaders(IDictionary<string, object?>? headers)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in headers ?? new Dictionary<string, object?>())
            if (!key.StartsWith("x-death", StringComparison.Ordinal) && !key.StartsWith("x-first-death", StringComparison.Ordinal)
                && !key.StartsWith("x-last-death", StringComparison.Ordinal))
                copy[key] = value;
        return copy;
    }
}
