using Coordination.ConsoleTests.Fixtures;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

[Collection(ConsoleCollection.Name)]
public sealed class When_a_clerk_registers(ConsoleFixture console)
{
    [Fact]
    public async Task A_cross_region_case_is_registered_and_waits_for_a_joint_meeting()
    {
        var page = await console.SignInAsync(console.People.Clerk);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登记信访件" })).ToBeVisibleAsync();

        await page.GetByLabel("信访渠道").SelectOptionAsync("Visit");
        await page.GetByLabel("问题发生地（6位行政区划代码）").FillAsync("3201");
        await Expect(page.Locator("[data-field=region_code]")).ToHaveTextAsync("须为6位数字的行政区划代码");
        await page.GetByLabel("问题发生地（6位行政区划代码）").FillAsync("320106");
        await Expect(page.Locator("[data-field=region_code]")).ToHaveCountAsync(0);
        await page.GetByLabel("事项").SelectOptionAsync("housing");
        await page.GetByLabel("信访内容摘要").FillAsync("上游化工企业排污，下游两市取水口受污染，要求联合整治");
        await page.GetByLabel("信访人1姓名").FillAsync("王五");
        await page.GetByLabel("信访人1身份证号").FillAsync(IdNumbers.New());
        await page.GetByLabel("涉及的其他地区（代码，空格分隔）").FillAsync("321100 320500");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();

        var result = page.GetByRole(AriaRole.Status);
        await Expect(result).ToContainTextAsync("已登记，编号 320106-");
        await Expect(result).ToContainTextAsync("跨区域，待联席会议");
        await ConsoleFixture.ScreenshotAsync(page, "clerk-registration");
    }

    [Fact]
    public async Task The_same_person_on_the_same_matter_is_shown_as_a_repeat_with_the_earlier_case_and_why()
    {
        var idNumber = IdNumbers.New();
        var page = await console.SignInAsync(console.People.Clerk);
        async Task RegisterAsync(string channel, string summary)
        {
            await page.GetByLabel("信访渠道").SelectOptionAsync(channel);
            await page.GetByLabel("问题发生地（6位行政区划代码）").FillAsync("320102");
            await page.GetByLabel("事项").SelectOptionAsync("housing");
            await page.GetByLabel("信访内容摘要").FillAsync(summary);
            await page.GetByLabel("信访人1姓名").FillAsync("周九");
            await page.GetByLabel("信访人1身份证号").FillAsync(idNumber);
            await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        }
        await RegisterAsync("Visit", "小区拆迁补偿款未按协议支付，要求足额补偿");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记，编号 320102-");
        var first = (await page.GetByRole(AriaRole.Status).Locator("a").First.TextContentAsync())!.Trim();

        await RegisterAsync("Letter", "小区拆迁补偿款至今未按协议支付，要求足额补偿");
        var result = page.GetByRole(AriaRole.Status);
        await Expect(result).ToContainTextAsync($"重复信访：已并入原件 {first}，不另立新件");
        await Expect(result).ToContainTextAsync("判断依据：");
        await Expect(result).ToContainTextAsync("相似度 0.");
    }

    [Fact]
    public async Task A_field_the_service_refuses_is_named_next_to_it()
    {
        var page = await console.SignInAsync(console.People.Clerk);
        await page.GetByLabel("问题发生地（6位行政区划代码）").FillAsync("320102");
        await page.GetByLabel("事项").SelectOptionAsync("housing");
        await page.GetByLabel("信访内容摘要").FillAsync("物业维修基金使用不透明");
        await page.GetByLabel("信访人1姓名").FillAsync("赵六");
        await page.GetByLabel("信访人1身份证号").FillAsync("320102199001011234");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("请更正标出的内容后再提交");
        await Expect(page.Locator("[data-field='petitioners[0].id_number']")).ToBeVisibleAsync();
    }
}
