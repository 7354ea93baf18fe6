using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Google.Rpc;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Leaders' reception days (seed §6): who was received and what was registered there.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_reception_days_are_held(SystemFixture system)
{
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);
    private static string Today => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_session_records_its_petitions_and_people_and_closes()
    {
        var day = await Intake.ScheduleReceptionDayAsync(new ScheduleReceptionDayRequest
        {
            LeaderName = "王书记", LeaderTitle = "区委书记", Level = ReceptionLevel.County, RegionCode = "320102", Date = Today, Place = "玄武区信访局",
        }, Callers.Clerk());
        Assert.Equal("scheduled", day.ReceptionDay.Status);

        var numbers = new List<string>();
        foreach (var groupSize in new[] { 1, 3 })
        {
            var request = Petitions.Valid(region: "320102");
            request.Channel = Channel.LeaderReceptionDay;
            request.ReceptionDayId = day.ReceptionDay.ReceptionDayId;
            request.GroupSize = groupSize;
            numbers.Add((await Intake.RegisterPetitionAsync(request, Callers.Clerk())).CaseNumber);
        }

        var held = await Intake.CompleteReceptionDayAsync(new CompleteReceptionDayRequest { ReceptionDayId = day.ReceptionDay.ReceptionDayId }, Callers.Clerk());
        Assert.Equal("held", held.ReceptionDay.Status);
        Assert.Equal(numbers, held.ReceptionDay.CaseNumbers);
        Assert.Equal(4, held.ReceptionDay.PeopleReceived);

        var late = Petitions.Valid(region: "320102");
        late.Channel = Channel.LeaderReceptionDay;
        late.ReceptionDayId = day.ReceptionDay.ReceptionDayId;
        var ex = await Assert.ThrowsAsync<RpcException>(() => Intake.RegisterPetitionAsync(late, Callers.Clerk()).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        ex = await Assert.ThrowsAsync<RpcException>(() =>
            Intake.CompleteReceptionDayAsync(new CompleteReceptionDayRequest { ReceptionDayId = day.ReceptionDay.ReceptionDayId }, Callers.Clerk()).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(2, (await Intake.GetReceptionDayAsync(new GetReceptionDayRequest { ReceptionDayId = day.ReceptionDay.ReceptionDayId }, Callers.Bureau())).ReceptionDay.CaseNumbers.Count);
    }

    [Fact]
    public async Task A_bad_schedule_names_every_field()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Intake.ScheduleReceptionDayAsync(new ScheduleReceptionDayRequest
        {
            LeaderName = "", Level = ReceptionLevel.Unspecified, RegionCode = "32", Date = "yesterday", Place = "",
        }, Callers.Clerk()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["leader_name", "leader_title", "level", "region_code", "date", "place"],
            ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task The_reception_channel_needs_an_existing_session()
    {
        var request = Petitions.Valid();
        request.Channel = Channel.LeaderReceptionDay;
        var ex = await Assert.ThrowsAsync<RpcException>(() => Intake.RegisterPetitionAsync(request, Callers.Clerk()).ResponseAsync);
        Assert.Contains("reception_day_id", ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
        request.ReceptionDayId = Guid.NewGuid().ToString();
        ex = await Assert.ThrowsAsync<RpcException>(() => Intake.RegisterPetitionAsync(request, Callers.Clerk()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("reception_day_id", ex.Status.Detail);
    }
}
