using Coordination.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.ServiceDefaults.Health;

public static class HealthExtensions
{
    public const string Ready = "ready";

    /// <summary>
    /// The "ready" checks beyond PostgreSQL, the bus and Redis (registered with them): the outbox backlog and, when
    /// RabbitMq:ManagementPort is set, this service's _error queues. Both report Degraded at worst: a backlog or a parked
    /// message is for a person to look at, and taking the service out of rotation would not help either.
    /// </summary>
    public static WebApplicationBuilder AddOperationalHealth(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HealthOptions>(builder.Configuration.GetSection("Health"));
        builder.Services.AddSingleton<OperationalReadings>();
        builder.Services.AddSingleton<OutboxBacklogProbe>();
        builder.Services.AddSingleton<StoreProbe>();
        builder.Services.AddSingleton<CoordinationMetrics>();
        builder.Services.AddHostedService<HealthSampler>();
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<OutboxBacklogCheck>("outbox", failureStatus: HealthStatus.Degraded, tags: [Ready], timeout: TimeSpan.FromSeconds(2));
        if (builder.Configuration.GetValue<int?>("RabbitMq:ManagementPort") is > 0)
        {
            builder.Services.Configure<ManagementApiOptions>(builder.Configuration.GetSection("RabbitMq"));
            builder.Services.AddSingleton<ReceiveQueues>();
            builder.Services.AddReceiveEndpointObserver(sp => sp.GetRequiredService<ReceiveQueues>());
            builder.Services.AddSingleton<QueueProbe>();
            checks.AddCheck<ErrorQueueCheck>("error-queues", failureStatus: HealthStatus.Degraded, tags: [Ready], timeout: TimeSpan.FromSeconds(3));
        }
        return builder;
    }

    /// <summary>
    /// /health/live answers while the process does (no check runs); /health/ready runs the "ready" checks, JSON; /metrics is
    /// the Prometheus scrape of every instrument (the Coordination meter, MassTransit, ASP.NET Core, Npgsql, the runtime).
    /// </summary>
    public static WebApplication MapOperationalHealth(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(Ready),
            ResponseWriter = HealthJsonWriter.WriteAsync,
        });
        return app;
    }
}
