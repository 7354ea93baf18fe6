using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Who reads what: departments only what was assigned to them, petitioners by query code, accused units never.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_petition_content_is_read(SystemFixture system)
{
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);

    [Fact]
    public async Task A_department_reads_only_petitions_assigned_to_it()
    {
        var registered = await Intake.RegisterPetitionAsync(Petitions.Valid(region: "320102", topic: "housing"), Callers.Clerk());
        var xuanwu = Callers.Department("xuanwu-housing-office", "320102");
        var petition = await Eventually.UntilAsync(
            () => Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, xuanwu).ResponseAsync,
            p => p.Petition.AssignedUnits.Contains("xuanwu-housing-office"), "the assigned department to read the petition");
        Assert.Equal(Petitions.Summary, petition.Petition.Summary);
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

    /// <summary>However the clerk writes the accused unit, it is the directory's unit, and that unit never gets the case.</summary>
    public static TheoryData<string> AccusedSpellings =>
    [
        "xuanwu-housing-office", "Xuanwu-Housing-Office", " xuanwu housing office ", "XUANWU_HOUSING_OFFICE",
        "ｘｕａｎｗｕ－ｈｏｕｓｉｎｇ－ｏｆｆｉｃｅ", "南京市玄武区住房和城乡建设局",
    ];

    [Theory]
    [MemberData(nameof(AccusedSpellings))]
    public async Task An_accusation_is_never_routed_to_the_accused_unit_whatever_the_spelling(string spelling)
    {
        var request = Petitions.Valid(region: "320102", topic: "housing");
        request.Category = Category.Accusation;
        request.AccusedUnit = spelling; // the unit the catalogue would pick
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());

        var handling = await Eventually.UntilAsync(
            () => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel)
                .GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, Callers.Bureau()).ResponseAsync,
            c => c is not null, "Assignment to know the case");
        Assert.Equal("awaiting_manual_routing", handling.Case.Status);
        var stored = await Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, Callers.Bureau());
        Assert.Equal("xuanwu-housing-office", stored.Petition.AccusedUnit);
        var accused = Callers.Department("xuanwu-housing-office", "320102");
        var ex = await Assert.ThrowsAsync<RpcException>(() => Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, accused).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        ex = await Assert.ThrowsAsync<RpcException>(() => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel).RouteCaseAsync(
            new RouteCaseRequest { CaseId = registered.CaseId, UnitCode = spelling, Kind = "assignment" }, Callers.Bureau()).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("AccusedUnitExcluded", ex.Status.Detail);
    }

    [Fact]
    public async Task An_accusation_against_a_unit_the_directory_does_not_know_is_refused()
    {
        var request = Petitions.Valid(region: "320102", topic: "housing");
        request.Category = Category.Accusation;
        request.AccusedUnit = "xuanwu-housing-offices";
        var ex = await Assert.ThrowsAsync<RpcException>(() => Intake.RegisterPetitionAsync(request, Callers.Clerk()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("accused_unit: 'xuanwu-housing-offices' is not a unit of the directory", ex.Status.Detail);
    }

    [Fact]
    public async Task A_clerk_of_the_accused_unit_does_not_find_the_accusation_in_a_listing()
    {
        var request = Petitions.Valid(region: "320102", topic: "housing");
        request.Category = Category.Accusation;
        request.AccusedUnit = "Nanjing Petition Bureau";
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk("xuanwu-petition-office", "320102"));
        var listed = await Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = "320102", PageSize = 500 }, Callers.Clerk());
        Assert.DoesNotContain(listed.Petitions, p => p.CaseId == registered.CaseId); // the accused unit's staff are recused (ADR 30)
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
