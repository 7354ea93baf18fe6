using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

[Collection(SystemCollection.Name)]
public sealed class When_a_unit_acknowledges(SystemFixture system)
{
    private AssignmentService.AssignmentServiceClient Assignment => new(system.Assignment.Channel);
    private static readonly Metadata Labour = Callers.Department("nanjing-labour-bureau");

    [Fact]
    public async Task Another_unit_gets_not_found_and_nothing_changes()
    {
        var assignment = await AssignedToLabourAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => Assignment.AcknowledgeAssignmentAsync(
            new AcknowledgeAssignmentRequest { AssignmentId = assignment.AssignmentId }, Callers.Department("nanjing-housing-bureau")).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        var handling = await Assignment.GetCaseAsync(new GetCaseRequest { CaseId = assignment.CaseId }, Callers.Bureau());
        Assert.Equal("pending", Assert.Single(handling.Case.Assignments).Status);
    }

    [Fact]
    public async Task A_second_acknowledgement_is_a_failed_precondition()
    {
        var assignment = await AssignedToLabourAsync();
        var request = new AcknowledgeAssignmentRequest { AssignmentId = assignment.AssignmentId };
        var first = await Assignment.AcknowledgeAssignmentAsync(request, Labour);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Assignment.AcknowledgeAssignmentAsync(request, Labour).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("AssignmentAlreadyAcknowledged", ex.Status.Detail);
        var handling = await Assignment.GetCaseAsync(new GetCaseRequest { CaseId = assignment.CaseId }, Callers.Bureau());
        // PostgreSQL keeps microseconds: the stored instant is the first acknowledgement's, to the microsecond.
        var stored = Assert.Single(handling.Case.Assignments).AcknowledgedAt.ToDateTimeOffset();
        Assert.True((first.Assignment.AcknowledgedAt.ToDateTimeOffset() - stored).Duration() < TimeSpan.FromMicroseconds(1));
    }

    [Fact]
    public async Task Concurrent_acknowledgements_succeed_once()
    {
        var assignment = await AssignedToLabourAsync();
        using var settling = new Settling([system.Assignment], [system.Reporting]);
        var request = new AcknowledgeAssignmentRequest { AssignmentId = assignment.AssignmentId };
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try { await Assignment.AcknowledgeAssignmentAsync(request, Labour); return StatusCode.OK; }
            catch (RpcException ex) { return ex.StatusCode; }
        }));
        Assert.Equal(1, outcomes.Count(s => s == StatusCode.OK));
        Assert.All(outcomes.Where(s => s != StatusCode.OK), s => Assert.Equal(StatusCode.FailedPrecondition, s));
        await Eventually.UntilAsync(() => CountAcknowledgedOnTimelineAsync(assignment.CaseId), n => n == 1, "one acknowledgement on the timeline");
        // A second acknowledgement's event would be out and folded by now (instead of a 300 ms sleep).
        await settling.UntilSettledAsync([Guid.Parse(assignment.CaseId)], typeof(Coordination.Contracts.Assignment.AssignmentAcknowledged));
        Assert.Equal(1, await CountAcknowledgedOnTimelineAsync(assignment.CaseId));
    }

    [Fact]
    public async Task A_malformed_assignment_id_is_an_invalid_argument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Assignment.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = "not-a-uuid" }, Labour).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("assignment_id", ex.Status.Detail);
    }

    private Task<long> CountAcknowledgedOnTimelineAsync(string caseId) => system.Reporting.CountAsync(
        "SELECT count(*) FROM timeline_entries WHERE \"CaseId\" = $1 AND \"Kind\" = 'AssignmentAcknowledged'", Guid.Parse(caseId));

    private async Task<AssignmentView> AssignedToLabourAsync()
    {
        var registered = await new IntakeService.IntakeServiceClient(system.Intake.Channel)
            .RegisterPetitionAsync(Petitions.Valid(region: "320106", topic: "labour"), Callers.Clerk());
        var assignment = await Eventually.UntilAsync(
            async () => (await Assignment.ListAssignmentsAsync(new ListAssignmentsRequest { PageSize = 500 }, Labour)).Assignments
                .FirstOrDefault(a => a.CaseId == registered.CaseId),
            a => a is not null, "the case to be assigned to nanjing-labour-bureau");
        return assignment!;
    }
}
