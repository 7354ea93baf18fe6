using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>The thin case path of the foundation, called as a user's client would call it.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_petition_is_registered(SystemFixture system)
{
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);
    private AssignmentService.AssignmentServiceClient Assignment => new(system.Assignment.Channel);
    private ReportingService.ReportingServiceClient Reporting => new(system.Reporting.Channel);

    [Fact]
    public async Task It_is_assigned_acknowledged_and_shown_in_order_on_the_timeline()
    {
        var registered = await Intake.RegisterPetitionAsync(Petitions.Valid(region: "320102", topic: "housing"), Callers.Clerk());
        Assert.Matches(@"^320102-\d{4}-\d{6}$", registered.CaseNumber);

        var department = Callers.Department("xuanwu-housing-office", "320102");
        var assignment = await Eventually.UntilAsync(
            async () => (await Assignment.ListAssignmentsAsync(new ListAssignmentsRequest { PendingOnly = true }, department))
                .Assignments.FirstOrDefault(a => a.CaseId == registered.CaseId),
            a => a is not null, "the case to reach xuanwu-housing-office's pending assignments");
        Assert.Equal("assignment", assignment!.Kind);
        Assert.Equal(registered.CaseNumber, assignment.CaseNumber);
        Assert.True(assignment.AcknowledgeDueAt.ToDateTimeOffset() > assignment.AssignedAt.ToDateTimeOffset().AddDays(3));

        var acknowledged = await Assignment.AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = assignment.AssignmentId }, department);
        Assert.Equal("acknowledged", acknowledged.Assignment.Status);

        var timeline = await Eventually.UntilAsync(
            () => Reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = registered.CaseId }, Callers.Bureau()).ResponseAsync,
            t => t.Entries.Count == 3, "three timeline entries");
        Assert.Equal(["PetitionRegistered", "CaseAssigned", "AssignmentAcknowledged"], timeline.Entries.Select(e => e.Kind));
        Assert.Equal(registered.CaseNumber, timeline.CaseNumber);
        Assert.Equal("xuanwu-housing-office", timeline.Entries[2].Unit);
        Assert.True(timeline.Entries.Zip(timeline.Entries.Skip(1)).All(p => p.First.OccurredAt.ToDateTimeOffset() <= p.Second.OccurredAt.ToDateTimeOffset()));
    }

    [Fact]
    public async Task A_law_related_case_becomes_an_open_referral_in_legal_diversion()
    {
        var request = Petitions.Valid(region: "320105", topic: "contract dispute");
        request.LawRelated = true;
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());

        var referrals = await Eventually.UntilAsync(
            () => new LegalDiversionService.LegalDiversionServiceClient(system.LegalDiversion.Channel)
                .ListReferralsAsync(new ListReferralsRequest { CaseId = registered.CaseId }, Callers.Committee("320100")).ResponseAsync,
            r => r.Referrals.Count > 0, "an open referral for the case");
        Assert.Equal("open", Assert.Single(referrals.Referrals).Status);
        var handling = await Assignment.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, Callers.Bureau());
        Assert.Equal("diverted_to_legal", handling.Case.Status);
        Assert.Empty(handling.Case.Assignments);
        await Eventually.UntilAsync(
            () => Reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = registered.CaseId }, Callers.Bureau()).ResponseAsync,
            t => t.Entries.Any(e => e.Kind == "LegalReferralOpened"), "LegalReferralOpened on the timeline");
    }

    [Fact]
    public async Task A_cross_region_case_becomes_a_proposed_joint_meeting()
    {
        var request = Petitions.Valid(region: "320102", topic: "water pollution");
        request.OtherRegionCodes.Add("321100");
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());

        var meetings = await Eventually.UntilAsync(
            () => new JointMeetingService.JointMeetingServiceClient(system.JointMeeting.Channel)
                .ListMeetingsAsync(new ListMeetingsRequest { CaseId = registered.CaseId }, Callers.Bureau("320000")).ResponseAsync,
            r => r.Meetings.Count > 0, "a proposed meeting for the case");
        var meeting = Assert.Single(meetings.Meetings);
        Assert.Equal("proposed", meeting.Status);
        Assert.Equal(["320102", "321100"], meeting.RegionCodes);
        var handling = await Assignment.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, Callers.Bureau());
        Assert.Equal("awaiting_joint_meeting", handling.Case.Status);
    }

    [Fact]
    public async Task A_case_that_no_rule_fits_waits_in_the_bureau_queue()
    {
        var registered = await Intake.RegisterPetitionAsync(Petitions.Valid(region: "320102", topic: "tourism"), Callers.Clerk());
        var handling = await Eventually.UntilAsync(
            () => Assignment.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, Callers.Bureau()).ResponseAsync,
            c => c is not null, "Assignment to know the case");
        Assert.Equal("awaiting_manual_routing", handling.Case.Status);
        Assert.Empty(handling.Case.Assignments);
    }

    [Fact]
    public async Task The_petition_reads_back_with_the_identity_number_masked()
    {
        var registered = await Intake.RegisterPetitionAsync(Petitions.Valid(idNumber: "11010519491231002X"), Callers.Clerk());
        var petition = await Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, Callers.Clerk());
        Assert.Equal("110105********002X", Assert.Single(petition.Petition.Petitioners).IdNumberMasked);
        Assert.Equal("nanjing-petition-bureau", petition.Petition.ReceivingUnit);
        var stored = await system.Intake.CountAsync("SELECT count(*) FROM petitioners WHERE \"IdNumberHash\" LIKE '%002X%' OR \"IdNumberMasked\" = '11010519491231002X'");
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task A_bureau_outside_the_region_cannot_see_the_case()
    {
        var registered = await Intake.RegisterPetitionAsync(Petitions.Valid(region: "320102"), Callers.Clerk());
        await Eventually.UntilAsync(
            () => Reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = registered.CaseId }, Callers.Bureau()).ResponseAsync,
            t => t.Entries.Count > 0, "the timeline to exist");
        var suzhou = Callers.Bureau("320500");
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = registered.CaseId }, suzhou).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        ex = await Assert.ThrowsAsync<RpcException>(() =>
            Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, Callers.Clerk("suzhou-petition-bureau", "320500")).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }
}
