using Coordination.Directory.Api;
using Coordination.Directory.Consumers;
using Coordination.Directory.Hosting;
using Coordination.Directory.Persistence;
using Coordination.Directory.Workflow;
using Coordination.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace Coordination.Directory;

public static class DirectoryService
{
    public const string Name = "directory";
    public const int DefaultGrpcPort = 5106;

    public static readonly ServiceSpec<DirectoryDb> Spec = new(Name, DefaultGrpcPort, "directory")
    {
        Consumers = x => x.AddConsumer<UnitDirectoryRequestedConsumer>(),
        Services = builder =>
        {
            builder.AddSignInServer();
            builder.Services.AddScoped<UnitActions>();
            builder.Services.AddScoped<PersonActions>();
            builder.Services.AddScoped<DirectoryQueries>();
            builder.Services.AddScoped<SignInDecisions>();
            builder.Services.AddScoped<DirectorySeeding>();
            builder.Services.AddScoped<UnitDirectoryPublisher>();
            builder.Services.AddScoped<WorkingCalendarActions>();
            builder.Services.AddScoped<RecusalActions>();
            builder.Services.AddScoped<ClientRegistration>();
        },
        Endpoints = app =>
        {
            // The Directory checks its own tokens with the sign-in server's keys, whatever the shared default scheme is.
            app.MapGrpcService<DirectoryGrpcService>()
                .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme });
            app.MapAccountEndpoints();
            app.MapConnectEndpoints();
            app.MapVerificationEndpoints();
        },
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(Spec, typeof(DirectoryService).Assembly.GetName().Name!, args, builder =>
        {
            configure?.Invoke(builder);
            TrustItself(builder.Configuration);
        });

    /// <summary>The shared bearer scheme of the Directory trusts the Directory itself, so it needs no Auth:Authority of its own.</summary>
    private static void TrustItself(IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(configuration["Auth:Authority"])) configuration["Auth:Authority"] = SignInServer.IssuerOf(configuration);
        if (string.IsNullOrEmpty(configuration["Auth:AllowHttp"])) configuration["Auth:AllowHttp"] = configuration["Directory:AllowHttp"];
    }

    public static Task<int> RunAsync(string[] args) => ServiceApp.RunAsync<DirectoryDb>(Name, () => Build(args));
}
