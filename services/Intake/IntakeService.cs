using Coordination.Intake.Api;
using Coordination.Intake.Consumers;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.Intake;

public static class IntakeService
{
    public const string Name = "intake";
    private const string DevelopmentPepper = "coordination-local-identity-pepper";

    public static readonly ServiceSpec<IntakeDb> Spec = new(Name, 5101, "intake")
    {
        Consumers = x => x.AddConsumer<AssignmentProgressConsumer>(),
        Services = builder =>
        {
            builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection("Intake"));
            builder.Services.AddSingleton(new IdentityNumbers(builder.Configuration["Intake:IdentityPepper"] ?? DevelopmentPepper));
            builder.Services.AddSingleton<RequestIdCache>();
            builder.Services.AddSingleton<IdentityCaseIndex>();
            builder.Services.AddSingleton<ReferenceDataCache<Topic>>();
            builder.Services.AddScoped<RepeatFinder>();
            builder.Services.AddScoped<PetitionRegistrar>();
            builder.Services.AddScoped<PetitionQueries>();
            builder.Services.AddScoped<ReceptionDays>();
        },
        Endpoints = app => app.MapGrpcService<IntakeGrpcService>().RequireAuthorization(),
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(Spec, typeof(IntakeService).Assembly.GetName().Name!, args, configure);

    public static Task RunAsync(string[] args) => ServiceApp.RunAsync<IntakeDb>(Build(args));
}
