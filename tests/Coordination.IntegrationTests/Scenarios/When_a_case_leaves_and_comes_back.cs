using Coordination.Contracts.JointMeeting;
using Coordination.Contracts.LegalDiversion;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Legal diversion and joint meetings hand cases back; the bureau routes by hand; Beijing cases get a responsibility record.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_case_leaves_and_comes_back(SystemFixture system)
{
    private readonly CaseFlow _flow = new(system.Assignment.Channel);
    private AssignmentService.AssignmentServiceClient Api => _flow.Api;
    private IBus Bus => system.Intake.App.Services.GetRequiredService<IBus>(); // stands in for the concluding service

    private async Task<string> RegisteredAsync(Action<RegisterPetitionRequest> adjust, string waitForStatus)
    {
        var request = Fixtures.Petitions.Valid(region: "320106", topic: "labour");
        adjust(request);
        var registered = await new IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(request, Callers.Clerk());
        await CaseStatusAsync(registered.CaseId, waitForStatus);
        return registered.CaseId;
    }

    private async Task<CaseView> CaseStatusAsync(string caseId, string status) => (await Eventually.UntilAsync(
        () => Api.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Bureau).ResponseAsync, c => c.Case.Status == status, $"case {caseId} to be {status}")).Case;

    [Fact]
    public async Task A_legal_referral_concluded_in_law_closes_the_case_as_diverted()
    {
        var caseId = await RegisteredAsync(r => r.LawRelated = true, "diverted_to_legal");
        await Bus.Publish(new LegalReferralConcluded
        {
            CaseId = Guid.Parse(caseId), ReferralId = NewId.NextGuid(), Conclusion = "concluded_in_law", Detail = "法院已立案", OccurredAt = DateTimeOffset.UtcNow,
        });
        var closed = await CaseStatusAsync(caseId, "closed");
        Assert.Equal("diverted", closed.Outcome);
        await Eventually.UntilAsync(
            () => new IntakeService.IntakeServiceClient(system.Intake.Channel).GetPetitionAsync(new GetPetitionRequest { CaseId = caseId }, Callers.Clerk()).ResponseAsync,
            p => p.Petition.Status == "closed", "Intake to learn of the closure");
    }

    [Fact]
    public async Task A_referral_returned_to_the_petition_track_is_routed_again()
    {
        var caseId = await RegisteredAsync(r => r.LawRelated = true, "diverted_to_legal");
        await Bus.Publish(new LegalReferralConcluded
        {
            CaseId = Guid.Parse(caseId), ReferralId = NewId.NextGuid(), Conclusion = "returned_to_petition_track", Detail = "非涉法事项", OccurredAt = DateTimeOffset.UtcNow,
        });
        var routed = await CaseStatusAsync(caseId, "assigned");
        Assert.Equal(LabourBureau, routed.Assignments.Single().UnitCode);
    }

    [Fact]
    public async Task A_concluded_joint_meeting_hands_the_case_to_its_lead_unit()
    {
        var caseId = await RegisteredAsync(r => r.OtherRegionCodes.Add("321100"), "awaiting_joint_meeting");
        // Only a meeting proposed for the case concludes it: the one JointMeeting proposed on Assignment's request, once Assignment noted it.
        var meetingId = (await Eventually.UntilAsync(() => new JointMeetingService.JointMeetingServiceClient(system.JointMeeting.Channel)
            .ListMeetingsAsync(new ListMeetingsRequest { CaseId = caseId }, Bureau).ResponseAsync, r => r.Meetings.Count == 1, "the proposed meeting")).Meetings[0].MeetingId;
        await Eventually.UntilAsync(() => system.Assignment.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = $1 AND $2 = ANY(\"MeetingIds\")",
            Guid.Parse(caseId), Guid.Parse(meetingId)), n => n == 1, "Assignment to note the meeting proposed for the case");
        await Bus.Publish(new JointMeetingConcluded
        {
            CaseId = Guid.Parse(caseId), MeetingId = Guid.Parse(meetingId), Resolution = "由南京市人社局牵头办理", LeadUnit = "nanjing-hr-bureau", OccurredAt = DateTimeOffset.UtcNow,
        });
        var routed = await CaseStatusAsync(caseId, "assigned");
        var hand = routed.Assignments.Single();
        Assert.Equal("nanjing-hr-bureau", hand.UnitCode);
        Assert.StartsWith("joint-meeting:", hand.RoutedBy);
    }

    [Fact]
    public async Task The_bureau_routes_a_queued_case_by_hand_once()
    {
        var caseId = await RegisteredAsync(r => r.Topic = "tourism", "awaiting_manual_routing");
        await Refused(() => Api.RouteCaseAsync(new RouteCaseRequest { CaseId = caseId, UnitCode = "", Kind = "gift" }, Bureau).ResponseAsync,
            StatusCode.InvalidArgument, "unit_code");
        await Refused(() => Api.RouteCaseAsync(new RouteCaseRequest { CaseId = caseId, UnitCode = "nanjing-culture-office", Kind = "transfer" }, Bureau).ResponseAsync,
            StatusCode.InvalidArgument, "unit_code: 'nanjing-culture-office' is not a unit of the directory");
        // Any spelling of a directory unit is taken as its canonical code.
        var routed = await Api.RouteCaseAsync(new RouteCaseRequest { CaseId = caseId, UnitCode = " Nanjing_Culture-BUREAU ", Kind = "transfer" }, Bureau);
        Assert.Equal("assigned", routed.Case.Status);
        Assert.Equal("nanjing-culture-bureau", routed.Case.Assignments.Single().UnitCode);
        Assert.Equal("transfer", routed.Case.Assignments.Single().Kind);
        await Refused(() => Api.RouteCaseAsync(new RouteCaseRequest { CaseId = caseId, UnitCode = "nanjing-land-bureau", Kind = "assignment" }, Bureau).ResponseAsync,
            StatusCode.FailedPrecondition, "NotInTheBureauQueue");
        // A transfer (转送) ends when the unit tells the petitioner it accepted: nothing is reported back.
        var culture = Callers.Department("nanjing-culture-bureau");
        var id = routed.Case.Assignments.Single().AssignmentId;
        await Api.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = id }, culture);
        Assert.Equal("completed", (await Api.NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = id }, culture)).Assignment.Status);
    }

    [Fact]
    public async Task A_to_Beijing_case_gets_its_responsibility_record()
    {
        var caseId = await RegisteredAsync(r => r.ToBeijing = true, "assigned");
        await Refused(() => Api.AssignResponsibilityAsync(new AssignResponsibilityRequest { CaseId = caseId, Unit = "nanjing-labour-bureau" }, Bureau).ResponseAsync,
            StatusCode.InvalidArgument, "group");
        await Refused(() => Api.AssignResponsibilityAsync(new AssignResponsibilityRequest
        {
            CaseId = caseId, Unit = "nanjing-labor-bureau", Group = "劳动保障工作组", Leader = "陈副市长", Person = "王科长",
        }, Bureau).ResponseAsync, StatusCode.InvalidArgument, "unit:");
        var recorded = await Api.AssignResponsibilityAsync(new AssignResponsibilityRequest
        {
            CaseId = caseId, Unit = "NANJING-LABOUR-BUREAU", Group = "劳动保障工作组", Leader = "陈副市长", Person = "王科长",
        }, Bureau);
        Assert.Equal(("nanjing-labour-bureau", "劳动保障工作组", "陈副市长", "王科长"),
            (recorded.Case.ResponsibleUnit, recorded.Case.ResponsibleGroup, recorded.Case.ResponsibleLeader, recorded.Case.ResponsiblePerson));
        var local = await RegisteredAsync(_ => { }, "assigned");
        await Refused(() => Api.AssignResponsibilityAsync(new AssignResponsibilityRequest
        {
            CaseId = local, Unit = "nanjing-labour-bureau", Group = "g", Leader = "l", Person = "p",
        }, Bureau).ResponseAsync, StatusCode.FailedPrecondition, "NotABeijingCase");
    }
}
