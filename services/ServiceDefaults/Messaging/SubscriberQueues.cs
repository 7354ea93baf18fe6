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
/// reached only the consumers that were up (ADR 10). A queue that exists is only checked (a passive declare, which needs
/// no permission); one that does not is declared, which a least-privilege user may not do: there
/// scripts/rabbit-provision.py declares them all up front, and until then the relay waits.
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
        var declaredHere = 0;
        foreach (var subscription in Subscriptions.All)
        {
            if (await ExistsAsync(connection, subscription.Queue, ct)) continue;
            // Missing: declared as its consumer would. A user without the right to (least privilege, where
            // scripts/rabbit-provision.py declares them) fails here, and the relay waits and asks again.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
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
            declaredHere++;
        }
        _declared = true;
        log.LogInformation("Subscriber queues: all {Queues} exist ({Declared} declared now)", Subscriptions.All.Count, declaredHere);
    }

    /// <summary>A passive declare needs no permission; a missing queue closes the channel, so each check has its own.</summary>
    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, ct);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    /// <summary>MassTransit's exchange for a message type: namespace:name.</summary>
    public static string ExchangeOf(string fullTypeName)
    {
        var dot = fullTypeName.LastIndexOf('.');
        return $"{fullTypeName[..dot]}:{fullTypeName[(dot + 1)..]}";
    }
}
