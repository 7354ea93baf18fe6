using Coordination.Contracts.Topology;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Coordination.ServiceDefaults.Messaging;

/// <summary>
/// Declares every subscriber queue of the system and its bindings (subscriptions.json), as the consumers themselves
/// declare them: a quorum queue, a fanout exchange of the queue's name bound to it, and each event's exchange bound to
/// that. The outbox relay waits for this before its first publish, so that an event published before one of its
/// consumers has ever started waits in that consumer's queue; mandatory publishing alone cannot see that the event
/// reached only the consumers that were up (ADR 10). Idempotent: the broker keeps what exists.
/// </summary>
public sealed class SubscriberQueues(IOptions<RabbitMqOptions> options, ILogger<SubscriberQueues> log)
{
    private volatile bool _declared;

    public bool Declared => _declared;

    public async Task EnsureDeclaredAsync(CancellationToken ct)
    {
        if (_declared) return;
        var o = options.Value;
        var factory = new ConnectionFactory
        {
            HostName = o.Host, Port = o.Port, VirtualHost = o.VirtualHost, UserName = o.Username, Password = o.Password,
            ClientProvidedName = "subscriber-queues",
        };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        foreach (var subscription in Subscriptions.All)
        {
            await channel.QueueDeclareAsync(subscription.Queue, durable: true, exclusive: false, autoDelete: false,
                new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: ct);
            await channel.ExchangeDeclareAsync(subscription.Queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            await channel.QueueBindAsync(subscription.Queue, subscription.Queue, "", cancellationToken: ct);
            foreach (var type in subscription.MessageTypes)
            {
                var exchange = ExchangeOf(type);
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
                await channel.ExchangeBindAsync(subscription.Queue, exchange, "", cancellationToken: ct);
            }
        }
        _declared = true;
        log.LogInformation("Subscriber queues declared: {Queues} queues", Subscriptions.All.Count);
    }

    /// <summary>MassTransit's exchange for a message type: namespace:name.</summary>
    public static string ExchangeOf(string fullTypeName)
    {
        var dot = fullTypeName.LastIndexOf('.');
        return $"{fullTypeName[..dot]}:{fullTypeName[(dot + 1)..]}";
    }
}
