using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;

namespace Coordination.IntegrationTests.Scenarios;

[Collection(SystemCollection.Name)]
public sealed class When_petitions_arrive_by_every_channel(SystemFixture system)
{
    public static TheoryData<Channel> Channels => new(Enum.GetValues<Channel>().Where(c => c != Channel.Unspecified));

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Each_is_registered_and_handed_on(Channel channel)
    {
        var intake = new IntakeService.IntakeServiceClient(system.Intake.Channel);
        var request = Petitions.Valid(region: "320114", topic: "labour"); // a district where no test counts (the suggestion test counts 320116)
        request.Channel = channel;
        if (channel == Channel.LeaderReceptionDay)
            request.ReceptionDayId = (await intake.ScheduleReceptionDayAsync(new ScheduleReceptionDayRequest
            {
                LeaderName = "周市长", LeaderTitle = "副市长", Level = ReceptionLevel.City, RegionCode = "320100",
                Date = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), Place = "市信访局接待大厅",
            }, Callers.Clerk())).ReceptionDay.ReceptionDayId;

        var registered = await intake.RegisterPetitionAsync(request, Callers.Clerk());

        Assert.Equal(Outcome.Registered, registered.Outcome);
        var petition = await intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, Callers.Clerk());
        Assert.Equal(channel, petition.Petition.Channel);
        Assert.Equal(request.ReceptionDayId, petition.Petition.ReceptionDayId);
        var assignment = new AssignmentService.AssignmentServiceClient(system.Assignment.Channel);
        if (channel == Channel.PeoplesSuggestion)
        {
            // What comes by the people's suggestion channel goes on the suggestion track, not routed as a complaint (ADR 26).
            await Eventually.UntilAsync(() => assignment.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, Callers.Bureau()).ResponseAsync,
                c => c.Case.Status == "suggestion" && c.Case.Assignments.Count == 0, "the suggestion on its own track");
            return;
        }
        await Eventually.UntilAsync(
            () => assignment.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, Callers.Bureau()).ResponseAsync,
            c => c.Case.Assignments.Count == 1 && c.Case.Assignments[0].UnitCode == "nanjing-labour-bureau", "assignment to nanjing-labour-bureau");
    }
}
