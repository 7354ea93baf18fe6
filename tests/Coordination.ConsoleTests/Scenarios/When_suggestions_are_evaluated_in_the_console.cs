using Coordination.ConsoleTests.Fixtures;
using Coordination.Grpc.Intake;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

/// <summary>People's suggestions (§18) on their page: the bureau passes one on, the department evaluates it, the bureau commends it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_suggestions_are_evaluated_in_the_console(ConsoleFixture console)
{
    [Fact]
    public async Task The_bureau_passes_the_department_adopts_with_reasons_and_the_bureau_commends()
    {
        var registered = await Registrations.RegisterAsync(console, r =>
        {
            (r.RegionCode, r.Topic, r.Category, r.Channel) = ("320102", "tourism", Category.Suggestion, Channel.Web);
            r.Summary = "建议在玄武湖周边增设公共自行车停放点";
        });

        var bureau = await console.SignInAsync(console.People.Bureau);
        await bureau.GotoAsync($"{console.Address}/suggestions");
        var row = bureau.Locator($"tr[data-case='{registered.CaseNumber}']");
        await bureau.ReloadUntilAsync(row);
        await Expect(row).ToContainTextAsync("待转交");
        await row.GetByRole(AriaRole.Button, new() { Name = "办理" }).ClickAsync();
        await bureau.GetByLabel("承办部门（单位代码或名称）").FillAsync("Nanjing Housing Bureau");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "转交研究" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("已转交研究");
        await Expect(row).ToContainTextAsync("研究中");

        var department = await console.SignInAsync(console.People.HousingBureau);
        await department.GotoAsync($"{console.Address}/suggestions");
        var mine = department.Locator($"tr[data-case='{registered.CaseNumber}']");
        await Expect(mine).ToContainTextAsync("研究中");
        await mine.GetByRole(AriaRole.Button, new() { Name = "办理" }).ClickAsync();
        await Expect(department.GetByLabel("建议内容")).ToContainTextAsync("公共自行车");
        // Without outcome and reasons: each field is named, nothing is recorded.
        await department.GetByRole(AriaRole.Button, new() { Name = "提交研究意见" }).ClickAsync();
        await Expect(department.GetByText("请更正标出的内容后再提交")).ToBeVisibleAsync();
        await Expect(department.GetByText("必填")).ToBeVisibleAsync();
        await Expect(mine).ToContainTextAsync("研究中");
        await department.GetByLabel("研究结果").SelectOptionAsync("adopted");
        await department.GetByLabel("理由").FillAsync("已纳入明年慢行系统建设计划");
        await department.GetByRole(AriaRole.Button, new() { Name = "提交研究意见" }).ClickAsync();
        await Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("研究意见已提交");
        await Expect(mine).ToContainTextAsync("采纳：已纳入明年慢行系统建设计划");

        await bureau.ReloadAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "办理" }).ClickAsync();
        await bureau.GetByLabel("表彰情况").FillAsync("备案并颁发人民建议奖");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "记录表彰" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("表彰已记录");
        await Expect(row).ToContainTextAsync("已表彰");
        await Expect(row).ToContainTextAsync("表彰：备案并颁发人民建议奖");
        await ConsoleFixture.ScreenshotAsync(bureau, "suggestions");

        // The city's leader reads the month's suggestions by region and topic on the monthly overview.
        var leader = await console.SignInAsync(console.People.Leader);
        await leader.GotoAsync($"{console.Address}/leader");
        var counted = leader.GetByRole(AriaRole.Table, new() { Name = "人民建议征集" }).Locator("tr", new() { HasText = "tourism" });
        await leader.ReloadUntilAsync(counted);
        await Expect(counted).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("320102\\s*tourism\\s*1\\s*1\\s*1\\s*0\\s*0\\s*1"));
    }
}
