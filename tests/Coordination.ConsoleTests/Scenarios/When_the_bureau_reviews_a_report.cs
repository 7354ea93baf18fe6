using Coordination.ConsoleTests.Fixtures;
using Coordination.Grpc.Assignment;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

[Collection(ConsoleCollection.Name)]
public sealed class When_the_bureau_reviews_a_report(ConsoleFixture console)
{
    [Fact]
    public async Task A_report_sent_back_needs_reasons_and_an_approved_one_is_replied()
    {
        var registered = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.Summary = "小区违建占用消防通道，要求拆除"; });
        using var directory = new DirectorySignIn(console.System);
        var unit = DirectorySignIn.Bearer(await directory.AccessTokenAsync(console.People.XuanwuHousing, ConsoleFixture.Password));
        var api = new AssignmentService.AssignmentServiceClient(console.System.Assignment.Channel);
        var handOver = await Eventually.UntilAsync(async () => (await api.ListAssignmentsAsync(new ListAssignmentsRequest(), unit)).Assignments
            .FirstOrDefault(a => a.CaseId == registered.CaseId), a => a is not null, "the hand-over to the Xuanwu housing office");
        await api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = handOver!.AssignmentId }, unit);
        await api.NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = handOver.AssignmentId }, unit);
        await api.SubmitReportAsync(new SubmitReportRequest { AssignmentId = handOver.AssignmentId, Outcome = "resolved", Answer = "违建已拆除" }, unit);

        var bureau = await console.SignInAsync(console.People.Bureau);
        await bureau.GotoAsync($"{console.Address}/cases/{registered.CaseId}");
        await Expect(bureau.GetByLabel("当前办理")).ToContainTextAsync("已报办结");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "退回重办" }).ClickAsync();
        await Expect(bureau.Locator("[data-field=reasons]")).ToBeVisibleAsync();
        await Expect(bureau.GetByLabel("当前办理")).ToContainTextAsync("已报办结");

        await bureau.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("办结报告审核通过");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "答复信访人" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("已答复信访人");
        await Expect(bureau.Locator("h1")).ToContainTextAsync("已答复");
        await Expect(bureau.GetByLabel("办理过程")).ToContainTextAsync("报送办结报告");
    }
}
