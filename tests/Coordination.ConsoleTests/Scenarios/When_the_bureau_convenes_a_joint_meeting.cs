using Coordination.ConsoleTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

/// <summary>联席会议 in the browser: the bureau convenes three parties, one answers and files its position, the bureau holds it and issues action items.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_the_bureau_convenes_a_joint_meeting(ConsoleFixture console)
{
    [Fact]
    public async Task Three_parties_are_invited_one_answers_and_the_meeting_is_held_with_action_items()
    {
        var registered = await Registrations.RegisterAsync(console, r =>
        {
            r.RegionCode = "320102";
            r.Summary = "跨市河道污染，沿岸居民饮水受影响";
            r.OtherRegionCodes.Add("321100");
            r.OtherRegionCodes.Add("320500");
        });

        var bureau = await console.SignInAsync(console.People.Bureau);
        await bureau.GotoAsync(console.Address + "/meetings");
        var row = bureau.Locator("tr", new() { HasText = registered.CaseNumber });
        await bureau.ReloadUntilAsync(row);
        await Expect(row).ToContainTextAsync("已提议");
        await row.GetByRole(AriaRole.Link, new() { Name = "打开会议" }).ClickAsync();

        await bureau.GetByLabel("议题").FillAsync("跨市河道污染信访问题协调");
        await bureau.GetByLabel("地点").FillAsync("省信访局第一会议室");
        await bureau.GetByLabel("参会单位（单位代码或名称，空格或顿号分隔）").FillAsync("xuanwu-housing-office zhenjiang-gov changzhou-water");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "召集" }).ClickAsync();
        await Expect(bureau.Locator("[data-field=parties]")).ToContainTextAsync("changzhou-water");
        await bureau.GetByLabel("参会单位（单位代码或名称，空格或顿号分隔）").FillAsync("xuanwu-housing-office、Zhenjiang-Gov、SUZHOU_GOV");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "召集" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("会议已召集");
        await Expect(bureau.GetByLabel("未答复单位")).ToContainTextAsync("xuanwu-housing-office、zhenjiang-gov、suzhou-gov");
        var meetingUrl = bureau.Url;

        var party = await console.SignInAsync(console.People.XuanwuHousing);
        await party.GotoAsync(meetingUrl);
        await party.GetByLabel("答复", new() { Exact = true }).SelectOptionAsync("confirm");
        await party.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        await Expect(party.GetByRole(AriaRole.Status)).ToContainTextAsync("已答复邀请");
        await party.GetByLabel("本单位意见").FillAsync("我局已约谈涉事企业，建议上下游联合监测");
        await party.GetByLabel("办理情况").FillAsync("整改中");
        await party.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await Expect(party.GetByRole(AriaRole.Status)).ToContainTextAsync("意见已提交");
        await Expect(party.Locator("[data-party=xuanwu-housing-office]")).ToContainTextAsync("我局已约谈涉事企业");

        await bureau.ReloadAsync();
        await Expect(bureau.GetByLabel("未答复单位")).ToHaveTextAsync("未答复邀请：zhenjiang-gov、suzhou-gov");
        await Expect(bureau.GetByLabel("未提交意见单位")).ToHaveTextAsync("未提交意见：zhenjiang-gov、suzhou-gov");
        await Expect(bureau.Locator("[data-party=xuanwu-housing-office]")).ToContainTextAsync("确认参会");
        await bureau.GetByLabel("会议纪要").FillAsync("三方通报情况，议定由玄武区牵头整治");
        await bureau.GetByLabel("议定事项").FillAsync("玄武区牵头，镇江、苏州配合监测");
        await bureau.GetByLabel("牵头单位（空则交信访局分办）").FillAsync("xuanwu-housing-office");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "记录会议召开" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("会议已召开");
        await Expect(bureau.Locator("h1")).ToContainTextAsync("已召开");

        await bureau.GetByLabel("责任单位").SelectOptionAsync("xuanwu-housing-office");
        await bureau.GetByLabel("任务", new() { Exact = true }).FillAsync("十五日内完成排污口封堵并回告");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "分派" }).ClickAsync();
        var items = bureau.GetByRole(AriaRole.Table, new() { Name = "任务清单" });
        await Expect(items.Locator("[data-item=xuanwu-housing-office]")).ToContainTextAsync("十五日内完成排污口封堵并回告");
        await bureau.GetByLabel("责任单位").SelectOptionAsync("suzhou-gov");
        await bureau.GetByLabel("任务", new() { Exact = true }).FillAsync("下游取水口水质每日监测");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "分派" }).ClickAsync();
        await Expect(items.Locator("[data-item=suzhou-gov]")).ToContainTextAsync("待回告");
        // The last day chosen on the form (20 days on, in Beijing) is the day shown, not the midnight after it.
        await Expect(items.Locator("[data-item=suzhou-gov]")).ToContainTextAsync(DateTime.UtcNow.AddHours(8).Date.AddDays(20).ToString("yyyy-MM-dd"));
        await ConsoleFixture.ScreenshotAsync(bureau, "bureau-joint-meeting");
    }
}
