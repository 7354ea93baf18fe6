using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Google.Rpc;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Collective visits (集体访): 5 or more people on one matter, at most 5 representatives named.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_group_visits(SystemFixture system)
{
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(120, true)]
    public async Task Five_or_more_people_make_a_collective_visit(int groupSize, bool collective)
    {
        var request = Petitions.Valid();
        request.Petitioners[0].Representative = true;
        request.Petitioners.Add(Petitions.Person(name: "李四", representative: true));
        request.GroupSize = groupSize;

        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());

        Assert.Equal(collective, registered.Collective);
        var petition = await Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, Callers.Clerk());
        Assert.Equal(groupSize, petition.Petition.GroupSize);
        Assert.Equal(collective, petition.Petition.Collective);
        Assert.All(petition.Petition.Petitioners, p => Assert.True(p.Representative));
    }

    [Fact]
    public async Task The_group_size_defaults_to_the_named_petitioners()
    {
        var request = Petitions.Valid();
        for (var i = 0; i < 4; i++) request.Petitioners.Add(Petitions.Person(name: $"群众{i}"));
        request.Petitioners[0].Representative = true;
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        Assert.True(registered.Collective);
        var petition = await Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, Callers.Clerk());
        Assert.Equal(5, petition.Petition.GroupSize);
    }

    [Theory]
    [InlineData("no representative", "petitioners")]
    [InlineData("six representatives", "petitioners")]
    [InlineData("group smaller than named", "group_size")]
    public async Task A_malformed_group_is_refused(string what, string field)
    {
        var request = Petitions.Valid();
        switch (what)
        {
            case "no representative":
                request.GroupSize = 8;
                break;
            case "six representatives":
                for (var i = 0; i < 6; i++) request.Petitioners.Add(Petitions.Person(name: $"代表{i}", representative: true));
                break;
            case "group smaller than named":
                request.Petitioners.Add(Petitions.Person(name: "李四"));
                request.GroupSize = 1;
                break;
        }
        var ex = await Assert.ThrowsAsync<RpcException>(() => Intake.RegisterPetitionAsync(request, Callers.Clerk()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(field, ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }
}
