using Coordination.ConsoleTests.Fixtures;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

[Collection(ConsoleCollection.Name)]
public sealed class When_a_clerk_holds_a_reception_day(ConsoleFixture console)
{
    [Fact]
    public async Task The_day_is_scheduled_a_petition_is_received_there_and_the_day_is_held()
    {
        var clerk = await console.SignInAsync(console.People.Clerk);
        await clerk.GotoAsync(console.Address + "/reception-days");
        await clerk.GetByLabel("接待领导").FillAsync("周立");
        await clerk.GetByLabel("职务").FillAsync("副市长");
        await clerk.GetByLabel("地区代码").FillAsync("320100");
        await clerk.GetByLabel("地点").FillAsync("市信访局接待大厅");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "安排" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("接待日已安排");
        var day = clerk.GetByRole(AriaRole.Table, new() { Name = "接待日" }).Locator("tr[data-day]");
        var id = await day.GetAttributeAsync("data-day");

        await day.GetByRole(AriaRole.Link, new() { Name = "在此接待日登记" }).ClickAsync();
        await Expect(clerk.GetByLabel("领导接待日编号")).ToHaveValueAsync(id!);
        await clerk.GetByLabel("问题发生地（6位行政区划代码）").FillAsync("320102");
        await clerk.GetByLabel("事项").SelectOptionAsync("housing");
        await clerk.GetByLabel("信访内容摘要").FillAsync("安置房交付延期两年，要求明确交房时间");
        await clerk.GetByLabel("信访人1姓名").FillAsync("钱七");
        await clerk.GetByLabel("信访人1身份证号").FillAsync(IdNumbers.New());
        await clerk.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记，编号 320102-");
        var caseNumber = (await clerk.GetByRole(AriaRole.Status).Locator("a").First.TextContentAsync())!.Trim();

        await clerk.GotoAsync(console.Address + "/reception-days");
        await clerk.GetByLabel("接待日编号").FillAsync(id!);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "接待完毕" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("接待日已完成");
        await Expect(day).ToContainTextAsync("已接待");
        await Expect(day).ToContainTextAsync(caseNumber);
    }
}
