using Coordination.Assignment.Api;
using Coordination.Assignment.Consumers;
using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Messaging;
using Coordination.ServiceDefaults.Persistence;
using Coordination.Assignment.Workflow;

namespace Coordination.Assignment;

public static class AssignmentService
{
    public const string Name = "assignment";
    public const int DefaultGrpcPort = 5102;

    /// <param name="configure">Lets tests add configuration before anything reads it.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(AssignmentService).Assembly.GetName().Name });
        configure?.Invoke(builder);
        builder.AddServiceDefaults(Name, DefaultGrpcPort);
        builder.AddServiceDatabase<AssignmentDb>(Name);
        builder.AddMessaging(Name, x =>
        {
            x.AddConsumer<PetitionRegisteredConsumer>();
            x.AddConsumer<ReturnsFromElsewhereConsumer>();
        });
        builder.Services.AddSingleton<ReferenceDataCache<RoutingRule>>();
        builder.Services.AddSingleton<ReferenceDataCache<RuleSet>>();
        builder.Services.AddSingleton<ReferenceDataCache<Holiday>>();
        builder.Services.AddScoped<CaseClock>();
        builder.Services.AddScoped<CaseRouter>();
        builder.Services.AddScoped<CaseUnitOfWork>();
        builder.Services.AddScoped<UnitActions>();
        builder.Services.AddScoped<BureauActions>();
        builder.Services.AddScoped<ReviewActions>();
        builder.Services.Configure<DeadlineScannerOptions>(builder.Configuration.GetSection("Deadlines"));
        builder.Services.AddSingleton<DeadlineScanner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineScanner>());

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<AssignmentGrpcService>().RequireAuthorization();
        return app;
    }

    public static async Task RunAsync(string[] args)
    {
        var app = Build(args);
        await app.MigrateDatabaseAsync<AssignmentDb>();
        await app.RunAsync();
    }
}
