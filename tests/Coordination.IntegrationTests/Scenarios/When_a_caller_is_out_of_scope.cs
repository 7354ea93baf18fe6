using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Out of scope looks exactly like nonexistent; a token of no role or no jurisdiction of this system reads nothing.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_caller_is_out_of_scope(SystemFixture system)
{
    [Fact]
    public async Task Another_units_assignment_is_refused_in_the_same_words_as_one_that_does_not_exist()
    {
        var flow = new CaseFlow(system.Assignment.Channel);
        var registered = await new IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(Petitions.Valid(region: "320102", topic: "housing"),
            Callers.Clerk());
        var theirs = await flow.AssignmentOfAsync(Guid.Parse(registered.CaseId));

        var foreign = await Refused(() => flow.Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = theirs.AssignmentId }, Unit).ResponseAsync,
            StatusCode.NotFound);
        var missing = await Refused(() => flow.Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = Guid.NewGuid().ToString() }, Unit)
            .ResponseAsync, StatusCode.NotFound);
        Assert.Equal(missing.Status.Detail, foreign.Status.Detail);
        Assert.DoesNotContain(registered.CaseId, foreign.Status.Detail);
        Assert.DoesNotContain(theirs.AssignmentId, foreign.Status.Detail);

        var suzhou = Callers.As(Roles.Bureau, "suzhou-petition-bureau", "320500");
        var foreignCase = await Refused(() => flow.Api.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, suzhou).ResponseAsync, StatusCode.NotFound);
        var missingCase = await Refused(() => flow.Api.GetCaseAsync(new GetCaseRequest { CaseId = Guid.NewGuid().ToString() }, suzhou).ResponseAsync, StatusCode.NotFound);
        Assert.Equal(missingCase.Status.Detail, foreignCase.Status.Detail);
        var foreignDecision = await Refused(() => flow.Api.DecideReturnAsync(new DecideReturnRequest { AssignmentId = theirs.AssignmentId, Approve = false, Reason = "x" },
            suzhou).ResponseAsync, StatusCode.NotFound);
        Assert.Equal(missing.Status.Detail, foreignDecision.Status.Detail);
    }

    public static TheoryData<string, string, string> ForeignTokens => new()
    {
        { "admin", "nanjing-petition-bureau", "320100" },        // a role the Directory never grants
        { Roles.Bureau, "jiangsu-petition-bureau", "32" },         // a region that is no division code
        { Roles.Committee, "nanjing-political-legal-committee", "" },
        { Roles.Administrator, "jiangsu-petition-bureau", "320000" }, // manages the Directory, reads no cases
    };

    [Theory]
    [MemberData(nameof(ForeignTokens))]
    public async Task A_token_of_no_role_or_jurisdiction_of_this_system_lists_nothing(string role, string unit, string region)
    {
        var headers = Callers.As(role, unit, region);
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("ListTopics", () => new IntakeService.IntakeServiceClient(system.Intake.Channel).ListTopicsAsync(new ListTopicsRequest(), headers).ResponseAsync),
            ("ListPetitions", () => new IntakeService.IntakeServiceClient(system.Intake.Channel).ListPetitionsAsync(new ListPetitionsRequest(), headers).ResponseAsync),
            ("ListMeetings", () => new JointMeetingService.JointMeetingServiceClient(system.JointMeeting.Channel).ListMeetingsAsync(new ListMeetingsRequest(), headers).ResponseAsync),
            ("ListReferrals", () => new LegalDiversionService.LegalDiversionServiceClient(system.LegalDiversion.Channel).ListReferralsAsync(new ListReferralsRequest(), headers).ResponseAsync),
            ("GetBoard", () => new LegalDiversionService.LegalDiversionServiceClient(system.LegalDiversion.Channel).GetBoardAsync(new GetBoardRequest(), headers).ResponseAsync),
            ("ListInstitutions", () => new LegalDiversionService.LegalDiversionServiceClient(system.LegalDiversion.Channel).ListInstitutionsAsync(new ListInstitutionsRequest(), headers).ResponseAsync),
            ("ListAssignments", () => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel).ListAssignmentsAsync(new ListAssignmentsRequest(), headers).ResponseAsync),
        };
        foreach (var (name, call) in calls)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(ex.StatusCode == StatusCode.PermissionDenied, $"{name}: {ex.StatusCode} {ex.Status.Detail}");
        }
    }
}
