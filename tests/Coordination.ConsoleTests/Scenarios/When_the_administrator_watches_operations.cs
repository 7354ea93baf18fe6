using System.Globalization;
using System.Text.RegularExpressions;
using Coordination.Console.Calls;
using Coordination.ConsoleTests.Fixtures;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

/// <summary>
/// 运行监控 (issue 18 without Grafana): the administrator watches the run's services through the console, which reads their
/// /metrics and /health/ready every two seconds here; petitions registered meanwhile move the registrations counter and
/// rate on the open page, without reloading. Nobody else may open it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_the_administrator_watches_operations(ConsoleFixture console)
{
    private static readonly string[] Services = ["Intake", "Assignment", "LegalDiversion", "JointMeeting", "Reporting", "Directory"];

    [Fact]
    public async Task Registrations_move_the_counter_and_the_rate_and_every_service_shows_its_health()
    {
        var page = await console.SignInAsync("admin", password: console.System.DirectoryAdministratorPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "导航" }).GetByText("运行监控").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "运行监控" })).ToBeVisibleAsync();

        // Every service answers its health with each dependency (postgres, the bus, redis, the outbox...).
        var health = page.GetByRole(AriaRole.Table, new() { Name = "服务健康" });
        foreach (var service in Services)
        {
            var row = health.Locator($"tr[data-service='{service}']");
            await Expect(row).ToHaveAttributeAsync("data-status", new Regex("^(Healthy|Degraded)$"));
            await Expect(row).ToContainTextAsync("postgres");
            await Expect(row).Not.ToContainTextAsync("不可达");
        }

        var newCases = page.GetByRole(AriaRole.Table, new() { Name = "登记" }).Locator("tr[data-decision='NewCase']");
        var before = await newCases.CountAsync() == 0 ? 0 : Number(await newCases.Locator("td.total").InnerTextAsync());

        for (var i = 0; i < 3; i++)
            await Registrations.RegisterAsync(console, r => r.Summary = $"运行监控测试：第{i + 1}件，反映物业收费问题");

        // The open page follows the sampler: the total rises by the three, and the last minute's rate is above zero.
        await Eventually.UntilAsync(async () => await newCases.CountAsync() > 0 && Number(await newCases.Locator("td.total").InnerTextAsync()) >= before + 3,
            risen => risen, "the registrations total to rise by three", TimeSpan.FromSeconds(30));
        await Eventually.UntilAsync(async () => Number(await newCases.Locator("td.rate").InnerTextAsync()) > 0,
            above => above, "the registrations rate to be above zero", TimeSpan.FromSeconds(30));
        await Expect(newCases).ToContainTextAsync("新立案");
        await Expect(page.Locator("[role=img][aria-label^='登记速率']").Locator("svg, canvas").First).ToBeVisibleAsync();
        // Intake published the registrations' events: its flow row counts them.
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "消息流量" }).Locator("tr[data-service='Intake'] td").Nth(1)).Not.ToHaveTextAsync("—");

        // The other views read the services' gauges: the outbox and inbox, the queues (the run's RabbitMQ management API),
        // Assignment's deadline scanner.
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "发件箱" }).Locator("tr[data-service='Assignment'] td").Nth(4)).ToHaveTextAsync(new Regex(@"^\d"));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "队列" }).Locator("tr[data-service='Assignment']")).ToContainTextAsync("个队列");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "时限" }).Locator("tr[data-service='Assignment'] td").Nth(4)).ToHaveTextAsync(new Regex(@"^\d"));
        await ConsoleFixture.ScreenshotAsync(page, "operations");
    }

    [Fact]
    public async Task A_bureau_officer_is_refused_and_sees_none_of_it()
    {
        var page = await console.SignInAsync(console.People.Bureau);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "导航" }).GetByText("运行监控")).ToHaveCountAsync(0);

        await page.GotoAsync($"{console.Address}/operations");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Problems.NotPermitted);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "服务健康" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "登记" })).ToHaveCountAsync(0);
    }

    private static double Number(string text) => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
