using Coordination.ServiceDefaults.Directory;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ: quorum queues, publisher confirms, short in-memory retries and then the
    /// error queue (no delayed redelivery: the broker has no delayed-message plugin).
    /// Queues are named &lt;service&gt;-&lt;consumer&gt;.
    /// </summary>
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator> registerConsumers)
    {
        var options = builder.Configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions();
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
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
                endpoint.UseMessageRetry(r => r.Intervals(50, 250, 1000, 2000));
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(options.Host, (ushort)options.Port, options.VirtualHost, h =>
                {
                    h.Username(options.Username);
                    h.Password(options.Password);
                    h.PublisherConfirmation = true;
                });
                cfg.PrefetchCount = options.PrefetchCount;
                cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
