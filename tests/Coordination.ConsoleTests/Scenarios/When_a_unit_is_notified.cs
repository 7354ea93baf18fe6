using Coordination.ConsoleTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

/// <summary>Notifications in the browser (issue 16): the open page gets them from Reporting's stream, with no reload.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_a_unit_is_notified(ConsoleFixture console)
{
    [Fact]
    public async Task The_departments_open_inbox_is_told_of_its_new_hand_over_and_another_unit_is_not()
    {
        var department = await console.SignInAsync(console.People.XuanwuHousing);
        await Expect(department.GetByRole(AriaRole.Heading, new() { Name = "待办信访件" })).ToBeVisibleAsync();
        await Expect(department.Locator("[aria-label=通知][data-state=receiving]")).ToBeVisibleAsync(); // the stream is open
        var other = await console.SignInAsync(console.People.HousingBureau);
        await Expect(other.Locator("[aria-label=通知][data-state=receiving]")).ToBeVisibleAsync();

        var registered = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.Summary = "小区电梯长期停运，物业拒不维修"; });

        var notice = department.Locator($"li[data-notification=assigned]:has(a[href='/cases/{registered.CaseId}'])");
        await Expect(notice).ToContainTextAsync("新交办", new() { Timeout = 20_000 });
        await Expect(notice).ToContainTextAsync(registered.CaseNumber);
        await Expect(department.GetByLabel("新通知数")).Not.ToHaveTextAsync("0");
        await ConsoleFixture.ScreenshotAsync(department, "department-notifications");
        await Expect(other.Locator($"li:has(a[href='/cases/{registered.CaseId}'])")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_committees_open_board_is_told_of_a_new_legal_case_in_its_jurisdiction()
    {
        var committee = await console.SignInAsync(console.People.Committee);
        await committee.GotoAsync(console.Address + "/legal");
        await Expect(committee.Locator("[aria-label=通知][data-state=receiving]")).ToBeVisibleAsync();

        var legal = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.Topic = "labour"; r.LawRelated = true; r.Summary = "劳动合同纠纷，申请仲裁"; });

        var notice = committee.Locator($"li[data-notification=legal_case_changed]:has(a[href='/cases/{legal.CaseId}'])");
        await Expect(notice.First).ToContainTextAsync("涉法案件动态", new() { Timeout = 20_000 });
    }
}
