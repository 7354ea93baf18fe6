using System.Net;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Health;
using Coordination.ServiceDefaults.Operations;
using Coordination.ServiceDefaults.Redis;
using Coordination.ServiceDefaults.Telemetry;
using Coordination.ServiceDefaults.Time;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordination.ServiceDefaults.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>What every service shares: ports, telemetry, health, auth, gRPC, Redis and the clock.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, int defaultGrpcPort)
    {
        var ports = builder.Configuration.GetSection("Ports").Get<PortOptions>() ?? new PortOptions();
        if (ports.Grpc == 0) ports.Grpc = defaultGrpcPort;
        if (ports.Http == 0) ports.Http = defaultGrpcPort + 100;
        builder.WebHost.ConfigureKestrel(k =>
        {
            var address = ports.AnyIp ? IPAddress.Any : IPAddress.Loopback;
            k.Listen(address, ports.Grpc, o => o.Protocols = HttpProtocols.Http2);
            k.Listen(address, ports.Http, o => o.Protocols = HttpProtocols.Http1);
        });
        builder.Services.TryAddSingleton(ClockOptions.From(builder.Configuration, builder.Environment)); // tests put a FakeTimeProvider first
        // Every SQL statement at Information would drown the log (the relay polls); failures still show.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        // Four lines per request cost more than the request's own work under load; the traces carry every request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning);
        // One JSON object a line, with the trace, span and (in consumers) case ids: what a log shipper and a person with jq
        // both read. Logging:Console:FormatterName=simple brings the plain text back.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        builder.AddCoordinationTelemetry(serviceName);
        builder.AddCoordinationAuth();
        builder.AddRedis();
        builder.Services.AddSingleton<CaseTraceLinks>();
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<DomainExceptionInterceptor>();
            o.Interceptors.Add<WellFormedFieldsInterceptor>();
            o.Interceptors.Add<TokenBoundStreams>();
            o.Interceptors.Add<CaseTagsInterceptor>();
            o.EnableDetailedErrors = builder.Environment.IsDevelopment();
        });
        builder.Services.AddGrpcReflection();
        // Readiness fails only for PostgreSQL and the bus; Redis, the outbox and the error queues degrade it (ADR 11), and
        // the gRPC health service answers Serving while nothing is Unhealthy.
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("", r => r.Tags.Contains(HealthExtensions.Ready)));
        builder.AddOperationalHealth();
        // grpc-dotnet's binder answers a request that does not parse with UNKNOWN; this one with InvalidArgument.
        builder.Services.RemoveAll(typeof(IServiceMethodProvider<>));
        builder.Services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(WellFormedRequestMethods<>));
        return builder;
    }

    /// <summary>Health (HTTP and gRPC), reflection, authentication.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseMiddleware<RefusedCallDrain>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOperationalHealth();
        app.MapGrpcService<OutboxOperations>().RequireAuthorization(); // every service has an outbox (ServiceApp requires a database)
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
