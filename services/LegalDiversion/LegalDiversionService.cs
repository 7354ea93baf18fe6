using Coordination.LegalDiversion.Api;
using Coordination.LegalDiversion.Consumers;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Hosting;
using Coordination.ServiceDefaults.Messaging;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.LegalDiversion;

public static class LegalDiversionService
{
    public const string Name = "legal-diversion";
    public const int DefaultGrpcPort = 5103;

    /// <param name="configure">Lets tests add configuration before anything reads it.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(LegalDiversionService).Assembly.GetName().Name });
        configure?.Invoke(builder);
        builder.AddServiceDefaults(Name, DefaultGrpcPort);
        builder.AddServiceDatabase<LegalDiversionDb>("legal_diversion");
        builder.AddMessaging(Name, x => x.AddConsumer<LegalDiversionRequestedConsumer>());

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<LegalDiversionGrpcService>().RequireAuthorization();
        return app;
    }

    public static async Task RunAsync(string[] args)
    {
        var app = Build(args);
        await app.MigrateDatabaseAsync<LegalDiversionDb>();
        await app.RunAsync();
    }
}
