using Coordination.ServiceDefaults.Recusal;
using Coordination.Reporting.Api;
using Coordination.Reporting.Consumers;
using Coordination.Reporting.Domain;
using Coordination.Reporting.Persistence;
using Coordination.Reporting.Workflow;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Reporting;

public static class ReportingService
{
    public const string Name = "reporting";

    public static readonly ServiceSpec<ReportingDb> Spec = new(Name, 5105, "reporting")
    {
        Consumers = x => x.AddEventConsumers(ReadModels.All),
        Services = builder =>
        {
            builder.AddRecusalShield<NoCaseLocator>();
            builder.Services.AddSingleton(ReadModels.All);
            builder.Services.AddScoped<ProjectionPipeline>();
            builder.Services.AddScoped<IAfterGroupCommit<ReportingDb>, AfterFolds>();
            builder.Services.AddScoped<CommittedRows>();
            builder.Services.AddScoped<IBeforeGroupApply<ReportingDb>, PreloadedRows>();
            // One fold transaction at a time: folds lock shared rows (a region's day counters) in event order, and two
            // batches at once deadlock on them (seen under the benchmark). One batch folds everything that waited.
            builder.Configuration["GroupCommit:Concurrency"] ??= "1";
            builder.Services.AddSingleton<RaisedWarnings>();
            builder.Services.AddSingleton<SpikeBaselines>();
            // After the commit, in this order: early warnings, then the live counters in Redis.
            builder.Services.AddScoped<IAfterCommit, EarlyWarningCheck>();
            builder.Services.AddScoped<IAfterCommit, LiveCountersToRedis>();
            builder.Services.AddScoped<IAfterCommit, NotificationBell>();
            builder.Services.AddSingleton<NotificationSignal>();
            builder.Services.AddScoped<NotificationStream>();
            builder.Services.AddScoped<ReadModelRebuild>();
            builder.Services.AddSingleton<ReadModelRebuilds>();
            builder.Services.AddScoped<LiveCounterStore>();
            builder.Services.AddScoped<Statistics>();
            builder.Services.AddScoped<SuggestionReport>();
            builder.Services.AddScoped<Registers>();
            builder.Services.AddScoped<LiveDashboards>();
            builder.Services.Configure<EarlyWarningOptions>(builder.Configuration.GetSection("Reporting:EarlyWarning"));
            builder.Services.Configure<ReceptionMinimums>(builder.Configuration.GetSection("Reporting:ReceptionMinimums"));
            builder.Services.Configure<KeyCountyRule>(builder.Configuration.GetSection("Reporting:KeyCounties"));
        },
        Endpoints = app =>
        {
            app.MapGrpcService<ReportingGrpcService>().RequireAuthorization();
            app.MapReportDownloads();
        },
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(Spec, typeof(ReportingService).Assembly.GetName().Name!, args, configure);

    public static Task<int> RunAsync(string[] args) => ServiceApp.RunAsync<ReportingDb>(Name, () => Build(args));
}
