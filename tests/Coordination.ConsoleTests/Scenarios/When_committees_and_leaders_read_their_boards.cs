using Coordination.ConsoleTests.Fixtures;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

[Collection(ConsoleCollection.Name)]
public sealed class When_committees_and_leaders_read_their_boards(ConsoleFixture console)
{
    [Fact]
    public async Task A_committee_sees_a_legal_case_on_its_board()
    {
        var legal = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.Topic = "labour"; r.LawRelated = true; r.Summary = "劳动合同纠纷，仲裁裁决未执行"; });

        var committee = await console.SignInAsync(console.People.Committee);
        await Expect(committee.GetByRole(AriaRole.Heading, new() { Name = "涉法涉诉案件看板" })).ToBeVisibleAsync();
        var row = committee.Locator($"tr[data-case='{legal.CaseNumber}']");
        await committee.ReloadUntilAsync(row);
        await Expect(row).ToContainTextAsync("320102");
        await Expect(row).ToContainTextAsync("天");
        await Expect(committee.GetByRole(AriaRole.Table, new() { Name = "按状态" })).Not.ToContainTextAsync("无");
        await ConsoleFixture.ScreenshotAsync(committee, "committee-legal-board");
    }

    [Fact]
    public async Task A_leader_opens_the_bulletin_chart_and_downloads_it_as_xlsx()
    {
        await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.ToBeijing = true; r.Summary = "赴京反映征地补偿问题"; });

        var leader = await console.SignInAsync(console.People.Leader);
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "月度概览" })).ToBeVisibleAsync();
        var row = leader.Locator("tr[data-region='320102']");
        await leader.ReloadUntilAsync(row);
        var chart = leader.Locator("#bulletin-chart svg").First;
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToContainTextAsync("320102");
        await Expect(chart).ToContainTextAsync("去年同月（同比）");
        await ConsoleFixture.ScreenshotAsync(leader, "leader-month");
        await Expect(leader.GetByRole(AriaRole.Table, new() { Name = "办理质效" })).ToContainTextAsync("÷");

        var download = await leader.RunAndWaitForDownloadAsync(() =>
            leader.GetByRole(AriaRole.Link, new() { Name = "下载 Excel（XLSX）" }).First.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        Assert.StartsWith("进京访通报-", download.SuggestedFilename);
        var path = await download.PathAsync();
        var rows = MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        var xuanwu = Assert.Single(rows, r => Convert.ToString(r["地区"]) == "320102");
        Assert.True(Convert.ToInt32(xuanwu["批次"]) >= 1);
    }

    [Fact]
    public async Task A_department_cannot_download_the_leaders_tables()
    {
        var department = await console.SignInAsync(console.People.XuanwuHousing);
        var response = await department.APIRequest.GetAsync($"{console.Address}/downloads/beijing-bulletin.xlsx?month=2026-11");
        Assert.Equal(403, response.Status); // Reporting refuses the department's token; the console passes that on
    }
}
