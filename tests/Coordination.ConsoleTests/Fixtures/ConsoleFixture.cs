using System.Net;
using System.Net.Sockets;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace Coordination.ConsoleTests.Fixtures;

/// <summary>
/// The whole system in this process (SystemFixture), the console on a free port whose sign-in address the run's Directory
/// accepts, a second console whose sessions last seconds (for the expired-session test), the people who work in it, and
/// Debian's Chromium driven by Playwright.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Password = "Console-Passw0rd-2026";
    public const string Chromium = "/usr/bin/chromium";

    public SystemFixture System { get; } = new();
    public WebApplication Console { get; private set; } = null!;
    public WebApplication ShortConsole { get; private set; } = null!;
    // The consoles' ports are held from the start (the Directory must know them before it starts) until the consoles take
    // them: a port only looked up would be taken by one of the run's own outgoing connections in the meantime.
    private readonly TcpListener _port = Hold(), _shortPort = Hold();
    public string Address { get; }
    public string ShortAddress { get; }

    public ConsoleFixture()
    {
        Address = $"http://127.0.0.1:{((IPEndPoint)_port.LocalEndpoint).Port}";
        ShortAddress = $"http://127.0.0.1:{((IPEndPoint)_shortPort.LocalEndpoint).Port}";
    }
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public People People { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string[] consoles = [Address, ShortAddress];
        for (var i = 0; i < consoles.Length; i++)
        {
            System.DirectorySettings[$"Directory:Console:RedirectUris:{i}"] = consoles[i] + "/signin-oidc";
            System.DirectorySettings[$"Directory:Console:PostLogoutRedirectUris:{i}"] = consoles[i] + "/signout-callback-oidc";
        }
        await System.InitializeAsync();
        Console = await StartConsoleAsync(_port, Address, TimeSpan.FromHours(8));
        ShortConsole = await StartConsoleAsync(_shortPort, ShortAddress, TimeSpan.FromSeconds(8));
        People = await People.RegisterAsync(System);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    private static TcpListener Hold()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private async Task<WebApplication> StartConsoleAsync(TcpListener held, string address, TimeSpan sessionLifetime)
    {
        var app = Coordination.Console.ConsoleApp.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ports:Http"] = new Uri(address).Port.ToString(),
            ["Console:Authority"] = $"http://127.0.0.1:{System.Directory.HttpPort}/",
            ["Console:SessionLifetime"] = sessionLifetime.ToString(),
            ["Console:Services:Intake"] = Grpc(System.Intake),
            ["Console:Services:Assignment"] = Grpc(System.Assignment),
            ["Console:Services:LegalDiversion"] = Grpc(System.LegalDiversion),
            ["Console:Services:JointMeeting"] = Grpc(System.JointMeeting),
            ["Console:Services:Reporting"] = Grpc(System.Reporting),
            ["Console:Services:Directory"] = Grpc(System.Directory),
            ["Console:Metrics:Intake"] = Http(System.Intake),
            ["Console:Metrics:Assignment"] = Http(System.Assignment),
            ["Console:Metrics:LegalDiversion"] = Http(System.LegalDiversion),
            ["Console:Metrics:JointMeeting"] = Http(System.JointMeeting),
            ["Console:Metrics:Reporting"] = Http(System.Reporting),
            ["Console:Metrics:Directory"] = Http(System.Directory),
            ["Console:Metrics:SampleInterval"] = "00:00:02",
            ["Console:DetailedErrors"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        held.Stop();
        await app.StartAsync();
        return app;
    }

    private static string Grpc(ServiceInstance instance) => $"http://127.0.0.1:{instance.GrpcPort}";
    private static string Http(ServiceInstance instance) => $"http://127.0.0.1:{instance.HttpPort}";

    /// <summary>A browser of its own (cookies and all) signed in to the console as <paramref name="login"/>, on the console's first page.</summary>
    public async Task<IPage> SignInAsync(string login, string? console = null, string password = Password)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai", AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        // Assertions wait as long as actions: the first render of a page after sign-in can take seconds on a busy box.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(20_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"{response.Status} {response.Url}"); };
        await page.GotoAsync((console ?? Address) + "/");
        await LogInAsync(page, login, password);
        try
        {
            await page.WaitForURLAsync(url => url.StartsWith(console ?? Address, StringComparison.Ordinal));
            await page.Locator("header").GetByText("信访协同工作台").WaitForAsync();
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{login} did not reach the console: at {page.Url}; browser errors: {string.Join(" | ", errors)}; page: {await page.ContentAsync()}", ex);
        }
        return page;
    }

    /// <summary>
    /// With CONSOLE_SCREENSHOTS set to a folder (scripts/console-screenshots.sh sets docs/screenshots), the scenarios leave
    /// pictures of what people see there for the README; otherwise this does nothing.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOTS") is not { Length: > 0 } folder) return;
        global::System.IO.Directory.CreateDirectory(folder);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    /// <summary>Fills the Directory's login page.</summary>
    public static async Task LogInAsync(IPage page, string login, string password = Password)
    {
        await page.GetByLabel("用户名").FillAsync(login);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        foreach (var app in new[] { Console, ShortConsole })
            if (app is not null) { await app.StopAsync(); await app.DisposeAsync(); }
        await System.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
