using Coordination.Intake.Api;
using Coordination.Intake.Consumers;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Messaging;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Intake;

public static class IntakeService
{
    public const string Name = "intake";
    public const int DefaultGrpcPort = 5101;
    private const string DevelopmentPepper = "coordination-local-identity-pepper";

    /// <param name="configure">Lets tests add configuration before anything reads it.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(IntakeService).Assembly.GetName().Name });
        configure?.Invoke(builder);
        builder.AddServiceDefaults(Name, DefaultGrpcPort);
        builder.AddServiceDatabase<IntakeDb>(Name);
        builder.AddMessaging(Name, x => x.AddConsumer<AssignmentProgressConsumer>());
        builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection("Intake"));
        builder.Services.AddSingleton(new IdentityNumbers(builder.Configuration["Intake:IdentityPepper"] ?? DevelopmentPepper));
        builder.Services.AddSingleton<RequestIdCache>();
        builder.Services.AddSingleton<IdentityCaseIndex>();
        builder.Services.AddSingleton<ReferenceDataCache<Topic>>();
        builder.Services.AddScoped<RepeatFinder>();
        builder.Services.AddScoped<PetitionRegistrar>();
        builder.Services.AddScoped<PetitionQueries>();
        builder.Services.AddScoped<ReceptionDays>();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<IntakeGrpcService>().RequireAuthorization();
        return app;
    }

    public static async Task RunAsync(string[] args)
    {
        var app = Build(args);
        await app.MigrateDatabaseAsync<IntakeDb>();
        await app.RunAsync();
    }
}
