using Coordination.ServiceDefaults.Directory;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ: quorum queues, publisher confirms, short in-memory retries, then delayed
    /// redelivery through TTL delay queues (the broker has no delayed-message plugin; ADR 9), then the error queue.
    /// A permanent failure skips both and goes to the error queue at once. Queues are named &lt;service&gt;-&lt;consumer&gt;.
    /// </summary>
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator> registerConsumers)
    {
        var options = builder.Configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        var redeliveryIntervals = options.Redelivery.Validated();
        builder.Services.Configure<RabbitMqOptions>(builder.Configuration.GetSection("RabbitMq"));
        builder.Services.AddSingleton<SubscriberQueues>();
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true; // else a message published right after start-up can be lost (STACK.md)
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddMassTransit(x =>
        {
            // Replicas of a service share its queues; RabbitMq:EndpointPrefix gives an instance queues of its own.
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.EndpointPrefix ?? serviceName, false));
            x.DisableUsageTelemetry(); // the network here reaches only package registries
            x.AddConsumer<DirectoryReplicaConsumer>();
            registerConsumers(x);
            x.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
                // In the pre-pipe, ahead of the dispatch by message type, so that it wraps the retries below and sees
                // only what outlived them (UseFilter would copy it into each message type's pipe, inside the retries).
                endpoint.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(new DelayedRedeliveryFilter(queue,
                    redeliveryIntervals, context.GetRequiredService<ILogger<DelayedRedeliveryFilter>>())));
                endpoint.UseConsumeFilter(typeof(CaseLogScope<>), context);
                endpoint.UseMessageRetry(r =>
                {
                    r.Ignore<Exception>(FailureKinds.IsPermanent); // trying bad data again only delays the error queue
                    r.Intervals(50, 250, 1000, 2000);
                });
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(options.Host, (ushort)options.Port, options.VirtualHost, h =>
                {
                    h.Username(options.Username);
                    h.Password(options.Password);
                    h.PublisherConfirmation = true;
                    var others = (options.ClusterNodes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (others.Length > 0)
                        h.UseCluster(c =>
                        {
                            c.Node(options.Host);
                            foreach (var node in others) c.Node(node);
                        });
                });
                cfg.PrefetchCount = options.PrefetchCount;
                cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
