using Coordination.ConsoleTests.Fixtures;
using Coordination.Grpc.Assignment;
using Coordination.IntegrationTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

[Collection(ConsoleCollection.Name)]
public sealed class When_a_leader_signs_off_a_report(ConsoleFixture console)
{
    [Fact]
    public async Task The_units_leader_signs_the_report_of_a_leader_instructed_case_on_its_page()
    {
        var instructed = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.LeaderInstructed = true; r.Summary = "市长批示：老旧小区加装电梯补贴未落实"; });
        using var directory = new DirectorySignIn(console.System);
        var unit = DirectorySignIn.Bearer(await directory.AccessTokenAsync(console.People.XuanwuHousing, ConsoleFixture.Password));
        var api = new AssignmentService.AssignmentServiceClient(console.System.Assignment.Channel);
        var handOver = await Eventually.UntilAsync(async () => (await api.ListAssignmentsAsync(new ListAssignmentsRequest(), unit)).Assignments
            .FirstOrDefault(a => a.CaseId == instructed.CaseId), a => a is not null, "the hand-over to the Xuanwu housing office");
        await api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = handOver!.AssignmentId }, unit);
        await api.NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = handOver.AssignmentId }, unit);

        var department = await console.SignInAsync(console.People.XuanwuHousing);
        await department.GotoAsync($"{console.Address}/cases/{instructed.CaseId}");
        await department.GetByLabel("办理结果").SelectOptionAsync("resolved");
        await department.GetByLabel("答复意见").FillAsync("补贴已于本月拨付到位");
        await department.GetByRole(AriaRole.Button, new() { Name = "报送办结报告" }).ClickAsync();
        await Expect(department.GetByLabel("当前办理")).ToContainTextAsync("待领导签发");

        var leader = await console.SignInAsync(console.People.XuanwuHousingLeader);
        await leader.GotoAsync($"{console.Address}/cases/{instructed.CaseId}");
        await Expect(leader.GetByText("领导批示件")).ToBeVisibleAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "签发办结报告" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync("已签发");
        await Expect(leader.GetByLabel("当前办理")).ToContainTextAsync("已报办结");
    }
}
