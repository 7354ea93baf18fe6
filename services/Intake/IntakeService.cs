using Coordination.ServiceDefaults.Recusal;
using Coordination.Intake.Api;
using Coordination.Intake.Consumers;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.Intake.Workflow;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Telemetry;

namespace Coordination.Intake;

public static class IntakeService
{
    public const string Name = "intake";

    public static readonly ServiceSpec<IntakeDb> Spec = new(Name, 5101, "intake")
    {
        Consumers = x =>
        {
            x.AddConsumer<AssignmentProgressConsumer>();
            x.AddConsumer<SuggestionProgressConsumer>();
        },
        Services = builder =>
        {
            builder.AddRecusalShield<NoCaseLocator>();
            builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection("Intake"));
            builder.Services.AddSingleton(new IdentityNumbers(PepperFrom(builder.Configuration)));
            builder.Services.AddSingleton(new MatterPrints(PepperFrom(builder.Configuration)));
            builder.Services.AddSingleton(new SearchPageTokens(PepperFrom(builder.Configuration)));
            builder.Services.AddSingleton<RequestIdCache>();
            builder.Services.AddSingleton<ReferenceDataCache<Topic>>();
            builder.Services.AddScoped<IdentityLocks>();
            builder.Services.AddScoped<IdentityCaseIndex>();
            builder.Services.AddScoped<CaseNumberAllocator>();
            builder.Services.AddScoped<PetitionRegistration>();
            builder.Services.AddSingleton<RegistrationGroups>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RegistrationGroups>());
            builder.Services.AddScoped<ReceptionDayActions>();
            builder.Services.AddScoped<AssignmentProgress>();
            builder.Services.AddScoped<IBeforeGroupApply<IntakeDb>, PreloadedPetitions>();
            builder.Services.AddScoped<PetitionQueries>();
            builder.Services.AddScoped<ICaseOrigins, PetitionOrigins>();
            builder.Services.AddScoped<ReceptionDays>();
            builder.Services.AddScoped<PetitionerActions>();
            builder.Services.AddScoped<SelfService>();
            builder.Services.AddScoped<PetitionSearch>();
            builder.AddStatusLookupLimit();
        },
        Endpoints = app =>
        {
            app.UseRateLimiter();
            app.MapGrpcService<IntakeGrpcService>().RequireAuthorization();
        },
    };

    /// <summary>
    /// The key of the identity-number hashes. No default anywhere: a public pepper would let anyone test identity
    /// numbers against the hashes. ./run.sh generates one for development (.infra/secrets.env).
    /// </summary>
    private static string PepperFrom(IConfiguration configuration) => configuration["Intake:IdentityPepper"] is { Length: >= 16 } pepper
        ? pepper
        : throw new MissingSettingException("no identity-number pepper: set Intake__IdentityPepper to a random secret of at least 16 characters");

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(Spec, typeof(IntakeService).Assembly.GetName().Name!, args, configure);

    public static Task<int> RunAsync(string[] args) => ServiceApp.RunAsync<IntakeDb>(Name, () => Build(args));
}
