using Coordination.ConsoleTests.Fixtures;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

[Collection(ConsoleCollection.Name)]
public sealed class When_early_warnings_arrive(ConsoleFixture console)
{
    [Fact]
    public async Task The_bureau_sees_a_collective_visit_warning_without_reloading()
    {
        var bureau = await console.SignInAsync(console.People.Bureau);
        await Expect(bureau.GetByRole(AriaRole.Heading, new() { Name = "信访局工作台" })).ToBeVisibleAsync();
        await Expect(bureau.GetByLabel("预警")).Not.ToContainTextAsync("预警连接中");

        var crowd = await Registrations.RegisterAsync(console, r =>
        {
            r.RegionCode = "320102";
            r.Summary = "六十名业主反映小区规划变更";
            r.Petitioners[0].Representative = true;
            r.Petitioners.Add(Petitions.Person(name: "孙八", representative: true));
            r.GroupSize = 60;
        });

        // No reload: the warning comes down Reporting's stream into the open page.
        var warning = bureau.Locator($"li[data-warning=collective_visit]:has(a[href='/cases/{crowd.CaseId}'])");
        await Expect(warning).ToContainTextAsync("集体访", new() { Timeout = 20_000 });
        await Expect(warning).ToContainTextAsync("320102");
    }
}
