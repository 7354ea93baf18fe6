using Coordination.ConsoleTests.Fixtures;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

[Collection(ConsoleCollection.Name)]
public sealed class When_the_bureau_handles_a_major_event(ConsoleFixture console)
{
    [Fact]
    public async Task It_is_reported_followed_up_a_team_brings_the_petitioners_home_and_it_closes()
    {
        var registered = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.Summary = "拆迁户八人赴京反映补偿问题"; });
        await Registrations.HandedOverAsync(console, registered.CaseId);

        var bureau = await console.SignInAsync(console.People.Bureau);
        await bureau.GotoAsync(console.Address + "/major-events");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "立项" }).ClickAsync();
        await Expect(bureau.Locator("[data-field=case_id]")).ToBeVisibleAsync(); // nothing named: refused field by field
        await Expect(bureau.Locator("[data-field=title]")).ToBeVisibleAsync();

        await bureau.GetByLabel("信访件ID").FillAsync(registered.CaseId);
        await bureau.GetByLabel("事项类型").SelectOptionAsync("to_beijing");
        await bureau.GetByLabel("事项标题").FillAsync("八人赴京上访");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "立项" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("已立项，首报时限");
        var section = bureau.GetByRole(AriaRole.Region, new() { Name = "事项处置" });
        await Expect(section).ToContainTextAsync("八人赴京上访（去京上访）");

        await section.GetByLabel("市级").CheckAsync();
        await section.GetByLabel("省级").CheckAsync();
        await section.GetByLabel("报告内容").FillAsync("首报：八人于今晨乘高铁赴京");
        await section.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("首报已报送");
        await section.GetByLabel("省级").CheckAsync();
        await section.GetByLabel("报告内容").FillAsync("续报：工作组已出发");
        await section.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("续报1已报送");

        await section.GetByLabel("去向").SelectOptionAsync("beijing");
        await section.GetByLabel("派出单位").FillAsync("Xuanwu Gov");
        await section.GetByLabel("派出人员（登录名，逗号分隔）").FillAsync("staff.zhao, staff.qian");
        await section.GetByRole(AriaRole.Button, new() { Name = "派出" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("已派员");
        var team = section.GetByRole(AriaRole.Table, new() { Name = "派员劝返" });
        await Expect(team).ToContainTextAsync("xuanwu-gov");
        await Expect(team).ToContainTextAsync("staff.zhao、staff.qian");

        await team.GetByLabel("劝返结果").SelectOptionAsync("returned");
        await team.GetByLabel("返回人数").FillAsync("8");
        await team.GetByLabel("结果说明").FillAsync("全部劝返");
        await team.GetByRole(AriaRole.Button, new() { Name = "记录结果" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("劝返结果已记录");
        await Expect(team).ToContainTextAsync("劝返 8 人 全部劝返");

        await section.GetByLabel("处置情况").FillAsync("八人已全部返宁，转入正常办理");
        await section.GetByRole(AriaRole.Button, new() { Name = "结束事项" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("事项已结束");
        await Expect(section.GetByRole(AriaRole.Table, new() { Name = "报告记录" })).ToContainTextAsync("续报1");
        await Expect(bureau.GetByRole(AriaRole.Table, new() { Name = "重大事项" }).Locator("tr", new() { HasText = "八人赴京上访" })).ToContainTextAsync("已结束");
    }
}
