using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

[Collection(SystemCollection.Name)]
public sealed class When_petitions_are_listed(SystemFixture system)
{
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);
    private const string Region = "320115"; // used by no other test

    [Fact]
    public async Task Pages_walk_every_match_once_newest_first_and_filters_apply()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var request = Petitions.Valid(region: Region);
            request.Channel = i < 4 ? Channel.Letter : Channel.Web;
            request.ToBeijing = i == 0;
            ids.Add((await Intake.RegisterPetitionAsync(request, Callers.Clerk())).CaseId);
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = Region, PageSize = 2, PageToken = token }, Callers.Bureau());
            seen.AddRange(page.Petitions.Select(p => p.CaseId));
            token = page.NextPageToken;
            pages++;
        } while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(ids), seen);
        var letters = await Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = Region, Channel = Channel.Letter }, Callers.Bureau());
        Assert.Equal(4, letters.Petitions.Count);
        var beijing = await Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = Region, Flag = "to_beijing" }, Callers.Bureau());
        Assert.Equal(ids[0], Assert.Single(beijing.Petitions).CaseId);
        var future = await Intake.ListPetitionsAsync(new ListPetitionsRequest
        {
            RegionCode = Region, RegisteredFrom = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddDays(1)),
        }, Callers.Bureau());
        Assert.Empty(future.Petitions);
        await Eventually.UntilAsync(
            () => Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = Region, Status = "assigned" }, Callers.Bureau()).ResponseAsync,
            r => r.Petitions.Count == 5, "all five to be assigned (status from Assignment's events)");
    }

    [Fact]
    public async Task Bad_filters_are_named_and_other_jurisdictions_are_refused()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Intake.ListPetitionsAsync(
            new ListPetitionsRequest { Flag = "vip", Status = "lost", PageSize = 1000, PageToken = "garbage!" }, Callers.Bureau()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        foreach (var field in new[] { "flag", "status", "page_size", "page_token" }) Assert.Contains(field, ex.Status.Detail);

        ex = await Assert.ThrowsAsync<RpcException>(() =>
            Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = "320500" }, Callers.Bureau("320100")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }
}
