using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Who reads what: departments only what was assigned to them, petitioners by query code, accused units never.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_petition_content_is_read(SystemFixture system)
{
    private IntakeApi.IntakeApiClient Intake => new(system.Intake.Channel);

    [Fact]
    public async Task A_department_reads_only_petitions_assigned_to_it()
    {
        var registered = await Intake.RegisterPetitionAsync(Petitions.Valid(region: "320102", topic: "housing"), Callers.Clerk());
        var xuanwu = Callers.Department("xuanwu-housing-office", "320102");
        var petition = await Eventually.UntilAsync(
            () => Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, xuanwu).ResponseAsync,
            p => p.AssignedUnits.Contains("xuanwu-housing-office"), "the assigned department to read the petition");
        Assert.Equal(Petitions.Summary, petition.Summary);
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, Callers.Department("nanjing-labour-bureau")).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task The_petitioner_follows_the_case_by_query_code_without_a_token()
    {
        var registered = await Intake.RegisterPetitionAsync(Petitions.Valid(region: "320102", topic: "housing"), Callers.Clerk());
        Assert.Equal(10, registered.QueryCode.Length);
        var status = await Eventually.UntilAsync(
            () => Intake.GetPetitionStatusAsync(new GetPetitionStatusRequest { QueryCode = registered.QueryCode }).ResponseAsync,
            s => s.Status == "assigned", "the status to show the assignment");
        Assert.Equal(registered.CaseNumber, status.CaseNumber);
        Assert.Equal(["xuanwu-housing-office"], status.AssignedUnits);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Intake.GetPetitionStatusAsync(new GetPetitionStatusRequest { QueryCode = "ZZZZZZZZZZ" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        ex = await Assert.ThrowsAsync<RpcException>(() => Intake.GetPetitionStatusAsync(new GetPetitionStatusRequest { QueryCode = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task An_accusation_is_never_routed_to_the_accused_unit()
    {
        var request = Petitions.Valid(region: "320102", topic: "housing");
        request.Category = Category.Accusation;
        request.AccusedUnit = "xuanwu-housing-office"; // the unit the catalogue would pick
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());

        var handling = await Eventually.UntilAsync(
            () => new AssignmentApi.AssignmentApiClient(system.Assignment.Channel)
                .GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, Callers.Bureau()).ResponseAsync,
            c => c is not null, "Assignment to know the case");
        Assert.Equal("awaiting_manual_routing", handling.Status);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Intake.GetPetitionAsync(
            new GetPetitionRequest { CaseId = registered.CaseId }, Callers.Department("xuanwu-housing-office", "320102")).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task The_topic_catalogue_is_listed_and_enforced()
    {
        var topics = await Intake.ListTopicsAsync(new ListTopicsRequest(), Callers.Clerk());
        Assert.Contains(topics.Topics, t => t.Code == "housing");
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Intake.RegisterPetitionAsync(Petitions.Valid(topic: "astrology"), Callers.Clerk()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("topic", ex.Status.Detail);
    }
}
