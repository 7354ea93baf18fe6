using Coordination.ServiceDefaults.Telemetry;
using Coordination.ServiceDefaults.Recusal;
using Coordination.LegalDiversion.Api;
using Coordination.LegalDiversion.Consumers;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Time;
using Coordination.LegalDiversion.Domain;
using Coordination.LegalDiversion.Workflow;

namespace Coordination.LegalDiversion;

public static class LegalDiversionService
{
    public const string Name = "legal-diversion";

    public static readonly ServiceSpec<LegalDiversionDb> Spec = new(Name, 5103, "legal_diversion")
    {
        Consumers = x => x.AddConsumer<LegalDiversionRequestedConsumer>(),
        Services = builder =>
        {
            builder.AddRecusalShield<ReferralCaseLocator>();
            builder.Services.AddScoped<ICaseOrigins, ReferralOrigins>();
            builder.Services.Configure<LegalDiversionOptions>(builder.Configuration.GetSection("LegalDiversion"));
            builder.Services.AddScoped<ReferralActions>();
            builder.Services.AddScoped<ReferralOpening>();
            builder.Services.AddScoped<LegalAdviceActions>();
            builder.Services.AddScoped<ReferralQueries>();
            builder.AddDeadlineScanner<LegalDiversionDb, LegalDeadlines>();
        },
        Endpoints = app => app.MapGrpcService<LegalDiversionGrpcService>().RequireAuthorization(),
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(Spec, typeof(LegalDiversionService).Assembly.GetName().Name!, args, configure);

    public static Task<int> RunAsync(string[] args) => ServiceApp.RunAsync<LegalDiversionDb>(Name, () => Build(args));
}
