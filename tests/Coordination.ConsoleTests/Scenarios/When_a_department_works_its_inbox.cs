using Coordination.ConsoleTests.Fixtures;
using Coordination.Grpc.Intake;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

[Collection(ConsoleCollection.Name)]
public sealed class When_a_department_works_its_inbox(ConsoleFixture console)
{
    [Fact]
    public async Task A_transferred_case_is_signed_for_and_answered()
    {
        var registered = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.Topic = "tourism"; r.Summary = "景区门票违规涨价，要求查处"; });

        var bureau = await console.SignInAsync(console.People.Bureau);
        await bureau.GotoAsync($"{console.Address}/cases/{registered.CaseId}");
        await bureau.ReloadUntilAsync(bureau.GetByText("人工分办", new() { Exact = true }));
        await bureau.GetByLabel("承办单位（目录单位代码或名称）").FillAsync("xuanwu-housing-office");
        await bureau.GetByLabel("方式").SelectOptionAsync("transfer");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "分办" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("已分办");

        var department = await console.SignInAsync(console.People.XuanwuHousing);
        await Expect(department.GetByRole(AriaRole.Heading, new() { Name = "待办信访件" })).ToBeVisibleAsync();
        var row = department.Locator($"tr[data-case='{registered.CaseNumber}']");
        await department.ReloadUntilAsync(row);
        await Expect(row).ToContainTextAsync("转送");
        await Expect(row).ToContainTextAsync("待签收");
        await Expect(row).ToContainTextAsync("剩余");
        await ConsoleFixture.ScreenshotAsync(department, "department-inbox");
        await row.GetByRole(AriaRole.Link, new() { Name = registered.CaseNumber }).ClickAsync();

        await Expect(department.GetByText("景区门票违规涨价，要求查处")).ToBeVisibleAsync();
        await department.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("已签收");
        await department.GetByRole(AriaRole.Button, new() { Name = "告知受理" }).ClickAsync();
        await Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("已告知受理，转送件办结");
        await Expect(department.GetByLabel("当前办理")).ToContainTextAsync("已办结");
        await ConsoleFixture.ScreenshotAsync(department, "case-page");
    }

    [Fact]
    public async Task A_new_hand_over_appears_in_the_open_inbox_without_reloading()
    {
        var department = await console.SignInAsync(console.People.XuanwuHousing);
        await Expect(department.GetByRole(AriaRole.Heading, new() { Name = "待办信访件" })).ToBeVisibleAsync();
        var registered = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.Summary = "物业擅自提高停车费"; });

        var row = department.Locator($"tr[data-case='{registered.CaseNumber}']");
        await Expect(row).ToContainTextAsync("待签收", new() { Timeout = 25_000 });
        await Expect(row).ToContainTextAsync(new Regex("剩余[1-9][0-9]*个工作日")); // 3 working days to acknowledge, more across holidays
    }

    [Fact]
    public async Task It_never_sees_another_units_case()
    {
        var elsewhere = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320105"; r.Summary = "建邺区小区电梯停运三个月无人维修"; });
        var owner = await console.SignInAsync(console.People.HousingBureau);
        var row = owner.Locator($"tr[data-case='{elsewhere.CaseNumber}']");
        await owner.ReloadUntilAsync(row); // handed to the city housing bureau

        var xuanwu = await console.SignInAsync(console.People.XuanwuHousing);
        await Expect(xuanwu.GetByRole(AriaRole.Heading, new() { Name = "待办信访件" })).ToBeVisibleAsync();
        await Expect(xuanwu.Locator($"tr[data-case='{elsewhere.CaseNumber}']")).ToHaveCountAsync(0);
        await xuanwu.GotoAsync($"{console.Address}/cases/{elsewhere.CaseId}");
        await Expect(xuanwu.GetByText("无法查看此信访件")).ToBeVisibleAsync();
        await Expect(xuanwu.GetByText("电梯停运")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_accused_unit_never_sees_the_accusation()
    {
        var accusation = await Registrations.RegisterAsync(console, r =>
        {
            r.RegionCode = "320102";
            r.Category = Category.Accusation;
            r.AccusedUnit = "xuanwu-housing-office";
            r.Summary = "举报区住建局工作人员收受开发商好处费";
        });
        var bureau = await console.SignInAsync(console.People.Bureau);
        await bureau.GotoAsync($"{console.Address}/cases/{accusation.CaseId}");
        await Expect(bureau.GetByText("举报区住建局工作人员收受开发商好处费")).ToBeVisibleAsync();

        var accused = await console.SignInAsync(console.People.XuanwuHousing);
        await accused.GotoAsync($"{console.Address}/cases/{accusation.CaseId}");
        await Expect(accused.GetByText(new Regex("无法查看此信访件|信访内容不予显示"))).ToBeVisibleAsync();
        await Expect(accused.GetByText("收受开发商好处费")).ToHaveCountAsync(0);
        await accused.GotoAsync($"{console.Address}/inbox");
        await Expect(accused.GetByRole(AriaRole.Heading, new() { Name = "待办信访件" })).ToBeVisibleAsync();
        await Expect(accused.Locator($"tr[data-case='{accusation.CaseNumber}']")).ToHaveCountAsync(0);
    }
}
