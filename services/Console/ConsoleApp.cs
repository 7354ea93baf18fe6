using System.Net;
using Coordination.Console.Calls;
using Coordination.Console.Components;
using Coordination.Console.Downloads;
using Coordination.Console.Hosting;
using Coordination.Console.Operations;
using AntDesign;

namespace Coordination.Console;

/// <summary>
/// The console: the browser front where people work (Blazor with server interactivity, AntDesign in zh-CN). It signs people
/// in through the Directory and calls the services over gRPC with their token. HTTP port Ports:Http (5300).
/// </summary>
public static class ConsoleApp
{
    public const int DefaultPort = 5300;

    /// <param name="configure">Lets tests add configuration before anything reads it.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(ConsoleApp).Assembly.GetName().Name });
        configure?.Invoke(builder);
        builder.WebHost.UseStaticWebAssets();
        var options = builder.Configuration.GetSection("Console").Get<ConsoleOptions>() ?? new ConsoleOptions();
        var port = builder.Configuration.GetValue("Ports:Http", DefaultPort);
        var anyIp = builder.Configuration.GetValue("Ports:AnyIp", false);
        builder.WebHost.ConfigureKestrel(k => k.Listen(anyIp ? IPAddress.Any : IPAddress.Loopback, port));

        builder.Services.AddSingleton(options);
        builder.AddConsoleSignIn(options);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o =>
            o.DetailedErrors = builder.Environment.IsDevelopment() || builder.Configuration.GetValue("Console:DetailedErrors", false));
        builder.Services.AddAntDesign();
        builder.Services.AddSingleton<ServiceChannels>();
        builder.Services.AddScoped<ServiceCalls>();
        // 运行监控: every service's /metrics and /health/ready, read every few seconds (Console:Metrics).
        builder.Services.AddSingleton<OperationsSampler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationsSampler>());
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        LocaleProvider.SetLocale("zh-CN");
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapSessionEndpoints();
        app.MapDownloads();
        app.MapAttachmentDownloads();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization();
        return app;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        await Build(args).RunAsync();
        return 0;
    }
}
