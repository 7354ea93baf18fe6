using Coordination.ConsoleTests.Fixtures;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

/// <summary>
/// Recusal (回避, ADR 30) on the console's 回避 page: a clerk declares an interest in a case by its number and loses sight
/// of it on the case page; the administrator records one for another person, who then finds it among their own.
/// Each scenario recuses people of its own, so the run's shared people keep every case.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_people_recuse_themselves_in_the_console(ConsoleFixture console)
{
    [Fact]
    public async Task A_clerk_declares_an_interest_by_case_number_and_no_longer_sees_the_case()
    {
        var registered = await Registrations.RegisterAsync(console, r => r.Summary = "申请人系登记员亲属，反映拆迁补偿问题");
        string clerk;
        using (var directory = new DirectorySignIn(console.System))
            clerk = await directory.NewPersonAsync("clerk", "nanjing-petition-bureau", ConsoleFixture.Password);

        var page = await console.SignInAsync(clerk);
        await page.GotoAsync($"{console.Address}/cases/{registered.CaseId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"信访件 {registered.CaseNumber}" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "导航" }).GetByText("回避").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "回避", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "回避记录" })).ToContainTextAsync("暂无回避记录");

        // No reason: the Directory names the field, the page shows it there and nothing is recorded.
        await page.GetByLabel("信访件编号或信访件 ID").FillAsync(registered.CaseNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "申请回避" }).ClickAsync();
        await Expect(page.Locator(".field-error[data-field='reason']")).ToContainTextAsync("必填");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "回避记录" })).ToContainTextAsync("暂无回避记录");

        await page.GetByLabel("回避理由").FillAsync("申请人系本人亲属");
        await page.GetByRole(AriaRole.Button, new() { Name = "申请回避" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已申请回避");
        var row = page.Locator($"tr[data-case='{registered.CaseId}']");
        await Expect(row).ToContainTextAsync("申请人系本人亲属");
        await Expect(row).ToContainTextAsync("本人申请回避");
        await Expect(row).ToContainTextAsync(clerk);
        await ConsoleFixture.ScreenshotAsync(page, "recusals");

        // Every service keeps the clerk away as soon as it has the Directory's event.
        await page.GotoAsync($"{console.Address}/cases/{registered.CaseId}");
        await page.ReloadUntilAsync(page.GetByText("无法查看此信访件"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"信访件 {registered.CaseNumber}" })).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_administrator_records_a_recusal_that_the_person_finds_among_their_own()
    {
        var registered = await Registrations.RegisterAsync(console, r => r.Summary = "登记员曾代理该案，反映劳动争议");
        string clerk;
        using (var directory = new DirectorySignIn(console.System))
            clerk = await directory.NewPersonAsync("clerk", "nanjing-petition-bureau", ConsoleFixture.Password);

        // The administrator's first page is 回避.
        var admin = await console.SignInAsync("admin", password: console.System.DirectoryAdministratorPassword);
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "回避", Exact = true })).ToBeVisibleAsync();

        // A login that names nobody: refused on that field, nothing recorded.
        await admin.GetByLabel("回避人员（登录名）").FillAsync("nobody.here");
        await admin.GetByLabel("信访件编号或信访件 ID").FillAsync(registered.CaseId);
        await admin.GetByLabel("回避理由").FillAsync("曾代理该案");
        await admin.GetByRole(AriaRole.Button, new() { Name = "记录回避" }).ClickAsync();
        await Expect(admin.Locator(".field-error[data-field='login']")).ToContainTextAsync("不是目录中的人员");
        await Expect(admin.Locator("tr[data-login='nobody.here']")).ToHaveCountAsync(0);

        await admin.GetByLabel("回避人员（登录名）").FillAsync(clerk);
        await admin.GetByRole(AriaRole.Button, new() { Name = "记录回避" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"已记录 {clerk} 回避该信访件");
        var row = admin.Locator($"tr[data-login='{clerk}'][data-case='{registered.CaseId}']");
        await Expect(row).ToContainTextAsync("管理员决定回避");
        await Expect(row).ToContainTextAsync("曾代理该案");
        await Expect(row).ToContainTextAsync("admin");

        // The person reads their own recusal (only theirs) and no longer sees the case.
        var page = await console.SignInAsync(clerk);
        await page.GotoAsync($"{console.Address}/recusals");
        var own = page.GetByRole(AriaRole.Table, new() { Name = "回避记录" }).Locator("tbody tr");
        await Expect(own).ToHaveCountAsync(1);
        await Expect(own).ToContainTextAsync("管理员决定回避");
        await Expect(page.GetByLabel("回避人员（登录名）")).ToHaveCountAsync(0);
        await page.GotoAsync($"{console.Address}/cases/{registered.CaseId}");
        await page.ReloadUntilAsync(page.GetByText("无法查看此信访件"));
    }
}
