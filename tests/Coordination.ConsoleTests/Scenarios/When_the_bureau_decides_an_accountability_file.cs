using Coordination.ConsoleTests.Fixtures;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

/// <summary>The rules that open files run on a clock (When_supervision_does_not_help); here a file as they write one is decided in the browser.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_the_bureau_decides_an_accountability_file(ConsoleFixture console)
{
    [Fact]
    public async Task The_evidence_is_read_the_decision_needs_reasons_and_the_register_counts_it()
    {
        var registered = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.Summary = "物业费纠纷多次反映未果"; });
        await Registrations.HandedOverAsync(console, registered.CaseId);
        var fileId = await AccountabilityFiles.OpenedAsync(console.System.Assignment, registered.CaseId, "320102", "xuanwu-housing-office");

        var bureau = await console.SignInAsync(console.People.Bureau);
        await bureau.GotoAsync(console.Address + "/accountability");
        await Expect(bureau.GetByText("督办后仍逾期（督办后 5 个工作日）", new() { Exact = false })).ToBeVisibleAsync();
        var row = bureau.Locator($"tr[data-file='{fileId}']");
        await Expect(row).ToContainTextAsync("xuanwu-housing-office");
        await Expect(row).ToContainTextAsync("待决定");
        await row.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        var detail = bureau.GetByRole(AriaRole.Region, new() { Name = "档案详情" });
        await Expect(detail.GetByRole(AriaRole.List, new() { Name = "证据" })).ToContainTextAsync("督办：测试");

        await detail.GetByLabel("处理决定").SelectOptionAsync("circulated_notice");
        await detail.GetByRole(AriaRole.Button, new() { Name = "作出决定" }).ClickAsync();
        await Expect(bureau.Locator("[data-field=reasons]")).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("待决定");

        await detail.GetByLabel("理由").FillAsync("督办后仍未办结，予以通报批评");
        await detail.GetByRole(AriaRole.Button, new() { Name = "作出决定" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("已作出决定：通报批评");
        await Expect(row).ToContainTextAsync("通报批评");
        await Expect(detail).ToContainTextAsync("督办后仍未办结，予以通报批评");

        var month = bureau.GetByRole(AriaRole.Table, new() { Name = "月度登记" }).Locator("tr[data-unit='xuanwu-housing-office']");
        await Expect(month).ToBeVisibleAsync();
        var circulated = int.Parse((await month.Locator("td").Nth(4).TextContentAsync())!);
        Assert.True(circulated >= 1);
    }
}
