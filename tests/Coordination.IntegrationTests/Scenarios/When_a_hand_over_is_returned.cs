using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>A returned hand-over ends the unit's access; a department sees only its own time limits on a case.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_hand_over_is_returned(SystemFixture system)
{
    private const string HrBureau = "nanjing-hr-bureau";
    private static readonly Metadata Hr = Callers.Department(HrBureau);

    [Fact]
    public async Task The_unit_that_returned_it_reads_it_no_more_and_the_next_unit_sees_only_its_own_limits()
    {
        var flow = new CaseFlow(system.Assignment.Channel);
        var intake = new IntakeService.IntakeServiceClient(system.Intake.Channel);
        var first = await flow.AssignedAsync(system.Intake.Channel);
        var caseId = first.CaseId;
        await Eventually.UntilAsync(() => intake.GetPetitionAsync(new GetPetitionRequest { CaseId = caseId }, Unit).ResponseAsync,
            p => p is not null, "the assigned unit to read the petition");
        await flow.Api.RequestReturnAsync(new RequestReturnRequest { AssignmentId = first.AssignmentId, Reasons = "不属于本单位职责" }, Unit);
        await flow.Api.DecideReturnAsync(new DecideReturnRequest { AssignmentId = first.AssignmentId, Approve = true, Reason = "改交人社局", NewUnitCode = HrBureau }, Bureau);

        await Refused(() => flow.Api.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Unit).ResponseAsync, StatusCode.NotFound);
        await Refused(() => flow.Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId }, Unit).ResponseAsync, StatusCode.NotFound);
        await Refused(() => flow.Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = first.AssignmentId }, Unit).ResponseAsync,
            StatusCode.NotFound);
        Assert.DoesNotContain((await flow.Api.ListAssignmentsAsync(new ListAssignmentsRequest { PageSize = 500 }, Unit)).Assignments, a => a.CaseId == caseId);
        await Eventually.UntilAsync(() => StatusOf(() => intake.GetPetitionAsync(new GetPetitionRequest { CaseId = caseId }, Unit).ResponseAsync),
            s => s == StatusCode.NotFound, "Intake to end the returning unit's access to the petition");

        var second = await flow.AssignmentOfAsync(Guid.Parse(caseId), Hr);
        Assert.Equal(HrBureau, second.UnitCode);
        Assert.Equal([second.AssignmentId], (await flow.Api.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Hr)).Case.Assignments.Select(a => a.AssignmentId));
        var all = (await flow.Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId }, Bureau)).Deadlines;
        Assert.Contains(all, d => d.AssignmentId == first.AssignmentId); // the bureau sees every limit of the case
        var own = (await flow.Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId }, Hr)).Deadlines;
        Assert.NotEmpty(own);
        Assert.All(own, d => Assert.Equal((second.AssignmentId, HrBureau), (d.AssignmentId, d.UnitCode)));
        await Eventually.UntilAsync(() => intake.GetPetitionAsync(new GetPetitionRequest { CaseId = caseId }, Hr).ResponseAsync,
            p => p.Petition.AssignedUnits.SequenceEqual([HrBureau]), "Intake to list only the unit that holds the case now");
    }

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
