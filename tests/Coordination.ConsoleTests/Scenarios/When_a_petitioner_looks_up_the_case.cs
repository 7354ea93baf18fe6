using Coordination.ConsoleTests.Fixtures;
using Coordination.Grpc.Assignment;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

/// <summary>
/// The petitioner's public page, with no sign-in: the query code and the last four digits of the phone show the answer;
/// the petitioner rates it dissatisfied (a reason is asked for) and asks for review, and the bureau sees both.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_a_petitioner_looks_up_the_case(ConsoleFixture console)
{
    [Fact]
    public async Task The_answer_is_read_rated_dissatisfied_and_reviewed_without_signing_in()
    {
        var registered = await Registrations.RegisterAsync(console, r =>
        {
            r.RegionCode = "320102";
            r.Summary = "楼道堆放杂物无人清理，要求物业整改";
            r.Petitioners[0].Phone = "13912345678";
        });
        using var directory = new DirectorySignIn(console.System);
        var unit = DirectorySignIn.Bearer(await directory.AccessTokenAsync(console.People.XuanwuHousing, ConsoleFixture.Password));
        var bureau = DirectorySignIn.Bearer(await directory.AccessTokenAsync(console.People.Bureau, ConsoleFixture.Password));
        var api = new AssignmentService.AssignmentServiceClient(console.System.Assignment.Channel);
        var handOver = await Eventually.UntilAsync(async () => (await api.ListAssignmentsAsync(new ListAssignmentsRequest(), unit)).Assignments
            .FirstOrDefault(a => a.CaseId == registered.CaseId), a => a is not null, "the hand-over to the Xuanwu housing office");

        var context = await console.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        context.SetDefaultTimeout(20_000);
        var petitioner = await context.NewPageAsync();
        await petitioner.GotoAsync(console.Address + "/petitioner");
        await petitioner.GetByLabel("查询码").FillAsync(registered.QueryCode);
        await petitioner.GetByLabel("手机号后四位").FillAsync("1234");
        await petitioner.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(petitioner.GetByRole(AriaRole.Alert)).ToContainTextAsync("查询码或手机号后四位（查询密码）不正确");

        await petitioner.GetByLabel("手机号后四位").FillAsync("5678");
        await petitioner.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(petitioner.Locator("h2")).ToContainTextAsync("已交办，待签收");
        await Expect(petitioner.GetByLabel("承办单位")).ToContainTextAsync("南京市玄武区住房和城乡建设局：应于");

        await api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = handOver!.AssignmentId }, unit);
        await api.NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = handOver.AssignmentId }, unit);
        await api.SubmitReportAsync(new SubmitReportRequest { AssignmentId = handOver.AssignmentId, Outcome = "resolved", Answer = "已责令物业三日内清理完毕" }, unit);
        await api.ReviewReportAsync(new ReviewReportRequest { AssignmentId = handOver.AssignmentId, Approve = true }, bureau);
        await api.SendReplyAsync(new SendReplyRequest { CaseId = registered.CaseId }, bureau);

        await Eventually.UntilAsync(async () =>
        {
            await petitioner.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            return await petitioner.Locator("h2").TextContentAsync() ?? "";
        }, text => text.Contains("已答复"), "the answer on the petitioner's page");
        await Expect(petitioner.GetByLabel("答复意见")).ToContainTextAsync("已责令物业三日内清理完毕");
        Assert.Equal(0, await petitioner.GetByText("刘芳").CountAsync()); // no one by name

        var rate = petitioner.GetByRole(AriaRole.Form, new() { Name = "评价答复" });
        await rate.GetByRole(AriaRole.Radio, new() { Name = "不满意" }).CheckAsync();
        await rate.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(petitioner.Locator("[data-field=reason]")).ToBeVisibleAsync();
        await petitioner.GetByRole(AriaRole.Form, new() { Name = "评价答复" }).GetByRole(AriaRole.Radio, new() { Name = "不满意" }).CheckAsync();
        await petitioner.GetByLabel("理由（不满意时必填）").FillAsync("杂物至今未清理");
        await petitioner.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(petitioner.GetByRole(AriaRole.Status)).ToContainTextAsync("评价已提交");
        await ConsoleFixture.ScreenshotAsync(petitioner, "petitioner-self-service");

        await petitioner.GetByLabel("申请理由").FillAsync("答复与实际不符，申请复查");
        await petitioner.GetByRole(AriaRole.Button, new() { Name = "申请复查" }).ClickAsync();
        await Expect(petitioner.GetByRole(AriaRole.Status)).ToContainTextAsync("申请已提交");

        var seen = await Eventually.UntilAsync(async () => (await api.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, bureau)).Case,
            c => c.Status == "review_requested" && c.Rating == "dissatisfied", "the bureau to see the rating and the review request");
        Assert.Equal("dissatisfied", seen.Rating);
        await Eventually.UntilAsync(async () =>
        {
            await petitioner.GetByLabel("查询码").FillAsync(registered.QueryCode);
            await petitioner.GetByLabel("手机号后四位").FillAsync("5678");
            await petitioner.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            return await petitioner.Locator("h2").TextContentAsync() ?? "";
        }, text => text.Contains("复查申请已受理"), "the review request on the petitioner's page");
        await Expect(petitioner.GetByLabel("您的评价")).ToContainTextAsync("不满意：杂物至今未清理");
        await context.CloseAsync();
    }
}
