using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Messaging;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

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

    /// <summary>How long a start may take (Hosting:StartTimeout) before the process gives up and exits, to be started again.</summary>
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Exit code of a start that did not finish within Hosting:StartTimeout.</summary>
    public const int StartTimedOut = 3;

    /// <summary>
    /// Migrations first, then the service. A refused start (a setting with no safe default, a database from old migrations) stops it with one
    /// line on stderr and exit code 2, not a stack trace. A start that has not finished within Hosting:StartTimeout (the bus waiting on a
    /// broker that never answers, or its start giving up and its stop never returning — seen once in the tests) stops it with one line
    /// and exit code 3, so that its supervisor starts it again instead of leaving a process that never listens.
    /// </summary>
    public static async Task<int> RunAsync<TDb>(string name, Func<WebApplication> build) where TDb : ServiceDbContext
    {
        try
        {
            await using var app = build();
            await app.MigrateDatabaseAsync<TDb>();
            var limit = app.Configuration.GetValue("Hosting:StartTimeout", DefaultStartTimeout);
            var start = app.StartAsync();
            if (await Task.WhenAny(start, Task.Delay(limit)) != start)
            {
                await Console.Error.WriteLineAsync($"{name}: not started within {limit} (Hosting__StartTimeout); exiting to be started again");
                Environment.Exit(StartTimedOut); // the start still holds its threads: returning would not end the process
            }
            await start;
            await app.WaitForShutdownAsync();
            return 0;
        }
        catch (StartupRefusedException ex)
        {
            await Console.Error.WriteLineAsync($"{name}: {ex.Message}");
            return 2;
        }
    }
}
