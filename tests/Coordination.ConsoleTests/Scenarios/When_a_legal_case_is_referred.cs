using Coordination.ConsoleTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

/// <summary>诉访分离 in the browser: the committee refers, the court files it and reports the outcome, the committee concludes it in law.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_a_legal_case_is_referred(ConsoleFixture console)
{
    [Fact]
    public async Task The_court_files_it_reports_the_outcome_and_the_committee_concludes_it()
    {
        var legal = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.Topic = "labour"; r.LawRelated = true; r.Summary = "工伤认定后赔偿未到位，申请诉讼"; });

        var committee = await console.SignInAsync(console.People.Committee);
        await committee.GotoAsync(console.Address + "/referrals");
        var row = committee.Locator($"tr[data-case='{legal.CaseNumber}']");
        await committee.ReloadUntilAsync(row);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await committee.GetByLabel("法律渠道").SelectOptionAsync("court_litigation");
        await committee.GetByLabel("法律机构").SelectOptionAsync("xuanwu-court");
        await committee.GetByRole(AriaRole.Button, new() { Name = "移交", Exact = true }).ClickAsync();
        await Expect(committee.GetByRole(AriaRole.Status)).ToContainTextAsync("已移交");
        await Expect(committee.GetByLabel("案件情况")).ToContainTextAsync("xuanwu-court");
        var referralUrl = committee.Url;

        var court = await console.SignInAsync(console.People.Court);
        await Expect(court.GetByRole(AriaRole.Heading, new() { Name = "涉法涉诉移交案件" })).ToBeVisibleAsync();
        await Expect(court.Locator($"tr[data-case='{legal.CaseNumber}']")).ToContainTextAsync("已移交");
        await court.GotoAsync(referralUrl);
        await court.GetByRole(AriaRole.Button, new() { Name = "立案" }).ClickAsync();
        await Expect(court.GetByRole(AriaRole.Status)).ToContainTextAsync("已立案");
        await court.GetByLabel("进展").SelectOptionAsync("decided");
        await court.GetByLabel("说明", new() { Exact = true }).FillAsync("一审判决用人单位支付工伤赔偿");
        await court.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Expect(court.GetByRole(AriaRole.Status)).ToContainTextAsync("进展已报送");

        await committee.ReloadAsync();
        await committee.GetByLabel("说明", new() { Exact = true }).FillAsync("判决已生效");
        await committee.GetByRole(AriaRole.Button, new() { Name = "依法终结" }).ClickAsync();
        await Expect(committee.GetByRole(AriaRole.Status)).ToContainTextAsync("已依法终结");
        await Expect(committee.Locator("h1")).ToContainTextAsync("依法终结");
    }
}
