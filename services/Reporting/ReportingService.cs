using Coordination.Reporting.Api;
using Coordination.Reporting.Consumers;
using Coordination.Reporting.Persistence;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Messaging;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Reporting;

public static class ReportingService
{
    public const string Name = "reporting";
    public const int DefaultGrpcPort = 5105;

    /// <param name="configure">Lets tests add configuration before anything reads it.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(ReportingService).Assembly.GetName().Name });
        configure?.Invoke(builder);
        builder.AddServiceDefaults(Name, DefaultGrpcPort);
        builder.AddServiceDatabase<ReportingDb>("reporting");
        builder.AddMessaging(Name, x =>
        {
            x.AddConsumer<TimelineConsumer>();
            x.AddConsumer<WorkflowTimelineConsumer>();
        });

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<ReportingGrpcService>().RequireAuthorization();
        return app;
    }

    public static async Task RunAsync(string[] args)
    {
        var app = Build(args);
        await app.MigrateDatabaseAsync<ReportingDb>();
        await app.RunAsync();
    }
}
