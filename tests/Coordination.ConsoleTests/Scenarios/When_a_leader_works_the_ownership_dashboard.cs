using Coordination.ConsoleTests.Fixtures;
using Coordination.Grpc.Assignment;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

/// <summary>Case ownership (包案, §12) on the leader's dashboard: a long-standing petitioner's case taken by its number, then a progress note.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_a_leader_works_the_ownership_dashboard(ConsoleFixture console)
{
    [Fact]
    public async Task The_vice_mayor_takes_a_long_standing_case_and_records_its_progress()
    {
        var registered = await Registrations.RegisterAsync(console, r =>
        {
            (r.RegionCode, r.LongStandingPetitioner) = ("320102", true);
            r.Summary = "十年来多次反映宅基地确权问题未解决";
        });
        using (var directory = new DirectorySignIn(console.System))
        {
            var bureauToken = DirectorySignIn.Bearer(await directory.AccessTokenAsync(console.People.Bureau, ConsoleFixture.Password));
            var api = new AssignmentService.AssignmentServiceClient(console.System.Assignment.Channel);
            await Eventually.UntilAsync(() => api.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, bureauToken).ResponseAsync, c => c is not null,
                "Assignment to open the case");
        }

        var leader = await console.SignInAsync(console.People.Leader);
        await leader.GotoAsync($"{console.Address}/ownership");
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "包案工作台" })).ToBeVisibleAsync();
        // The list loaded (it replaces the spinner, and the page renders again): once, in CI, the joint units typed
        // while the list was still loading reached the service empty — most likely lost to that render.
        await Expect(leader.GetByRole(AriaRole.Table, new() { Name = "包案信访件" })).ToBeVisibleAsync();
        await leader.GetByLabel("信访件编号").FillAsync(registered.CaseNumber);
        await leader.GetByLabel("化解方案").FillAsync("副市长包案，会同住建、街道逐户核实，一月内提出确权意见");
        await leader.GetByLabel("联办单位（单位代码或名称，以逗号分隔）").FillAsync("nanjing-housing-bureau，xuanwu-gov");
        await leader.GetByLabel("进展周期（工作日，0 为规则默认）").FillAsync("5");
        await leader.GetByRole(AriaRole.Button, new() { Name = "认领包案" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync("已认领包案");
        var row = leader.Locator($"tr[data-case='{registered.CaseNumber}']");
        await Expect(row).ToContainTextAsync("副市长包案");
        await Expect(row).ToContainTextAsync("nanjing-housing-bureau、xuanwu-gov");
        await Expect(row).ToContainTextAsync("每 5 个工作日");

        // The same case again: the service refuses, the page says why.
        await leader.GetByLabel("信访件编号").FillAsync(registered.CaseNumber);
        await leader.GetByLabel("化解方案").FillAsync("重复认领");
        await leader.GetByLabel("联办单位（单位代码或名称，以逗号分隔）").FillAsync("xuanwu-gov");
        await leader.GetByRole(AriaRole.Button, new() { Name = "认领包案" }).ClickAsync();
        await Expect(leader.GetByText("CaseAlreadyOwned")).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "记录进展" }).ClickAsync();
        await leader.GetByLabel("进展情况").FillAsync("已召开联席会，确权方案公示中");
        await leader.GetByRole(AriaRole.Button, new() { Name = "提交进展" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync("进展已记录");
        await Expect(row).ToContainTextAsync("已召开联席会，确权方案公示中");
        await Expect(row).ToContainTextAsync("共 1 次");
        await ConsoleFixture.ScreenshotAsync(leader, "ownership");
    }
}
