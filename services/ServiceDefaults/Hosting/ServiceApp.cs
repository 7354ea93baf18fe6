using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Messaging;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Builder;

namespace Coordination.ServiceDefaults.Hosting;

/// <summary>What makes one of our services: its name, port, database, consumers, own services and gRPC endpoints.</summary>
public sealed record ServiceSpec<TDb>(string Name, int DefaultGrpcPort, string DatabaseName) where TDb : ServiceDbContext
{
    public Action<IBusRegistrationConfigurator> Consumers { get; init; } = _ => { };
    public Action<WebApplicationBuilder> Services { get; init; } = _ => { };
    public required Action<WebApplication> Endpoints { get; init; }
}

/// <summary>Builds and runs a service the same way for all five, so each Program.cs stays a table of contents.</summary>
public static class ServiceApp
{
    /// <param name="configure">Lets tests add configuration and services before anything reads them.</param>
    public static WebApplication Build<TDb>(ServiceSpec<TDb> spec, string applicationName, string[] args, Action<WebApplicationBuilder>? configure)
        where TDb : ServiceDbContext
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = applicationName });
        configure?.Invoke(builder);
        builder.AddServiceDefaults(spec.Name, spec.DefaultGrpcPort);
        builder.AddServiceDatabase<TDb>(spec.DatabaseName);
        builder.AddMessaging(spec.Name, spec.Consumers);
        builder.AddDirectoryReplica(spec.Name);
        spec.Services(builder);
        var app = builder.Build();
        app.MapServiceDefaults();
        spec.Endpoints(app);
        return app;
    }

    /// <summary>
    /// Migrations first, then the service. A refused start (a setting with no safe default, a database from old migrations) stops it with one
    /// line on stderr and exit code 2, not a stack trace.
    /// </summary>
    public static async Task<int> RunAsync<TDb>(string name, Func<WebApplication> build) where TDb : ServiceDbContext
    {
        try
        {
            var app = build();
            await app.MigrateDatabaseAsync<TDb>();
            await app.RunAsync();
            return 0;
        }
        catch (StartupRefusedException ex)
        {
            await Console.Error.WriteLineAsync($"{name}: {ex.Message}");
            return 2;
        }
    }
}
