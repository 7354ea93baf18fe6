using Coordination.LegalDiversion.Api;
using Coordination.LegalDiversion.Consumers;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Hosting;

namespace Coordination.LegalDiversion;

public static class LegalDiversionService
{
    public const string Name = "legal-diversion";

    public static readonly ServiceSpec<LegalDiversionDb> Spec = new(Name, 5103, "legal_diversion")
    {
        Consumers = x => x.AddConsumer<LegalDiversionRequestedConsumer>(),
        Endpoints = app => app.MapGrpcService<LegalDiversionGrpcService>().RequireAuthorization(),
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(Spec, typeof(LegalDiversionService).Assembly.GetName().Name!, args, configure);

    public static Task RunAsync(string[] args) => ServiceApp.RunAsync<LegalDiversionDb>(Build(args));
}
