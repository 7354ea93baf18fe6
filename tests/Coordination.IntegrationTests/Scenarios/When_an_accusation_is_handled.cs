using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Google.Protobuf.WellKnownTypes;
using Coordination.Grpc.LegalDiversion;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>The accusation shield on every path: no spelling routes or returns an accusation to the accused unit, no read shows it the content.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_an_accusation_is_handled(SystemFixture system)
{
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);

    public static TheoryData<string> Spellings => ["NANJING_LABOUR_BUREAU", " Nanjing Labour Bureau ", "ｎａｎｊｉｎｇ－ｌａｂｏｕｒ－ｂｕｒｅａｕ", "南京市劳动保障监察支队"];

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task A_return_is_never_approved_to_the_accused_unit_whatever_the_spelling(string spelling)
    {
        var flow = new CaseFlow(system.Assignment.Channel);
        var request = Petitions.Valid(region: "320102", topic: "housing");
        request.Category = Category.Accusation;
        request.AccusedUnit = "nanjing-labour-bureau";
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        var xuanwu = Callers.Department("xuanwu-housing-office", "320102");
        var assignment = await flow.AssignmentOfAsync(Guid.Parse(registered.CaseId), xuanwu);
        await flow.Api.RequestReturnAsync(new RequestReturnRequest { AssignmentId = assignment.AssignmentId, Reasons = "应由劳动部门处理" }, xuanwu);

        await Refused(() => flow.Api.DecideReturnAsync(new DecideReturnRequest
        {
            AssignmentId = assignment.AssignmentId, Approve = true, Reason = "改交", NewUnitCode = spelling,
        }, Bureau).ResponseAsync, StatusCode.FailedPrecondition, "AccusedUnitExcluded");
        var unchanged = await flow.Api.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, Bureau);
        Assert.Equal(("return_requested", 0), (unchanged.Case.Assignments.Single().Status, unchanged.Case.ReturnCount));
        await Refused(() => Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, Callers.Department("nanjing-labour-bureau")).ResponseAsync,
            StatusCode.NotFound);
    }

    public static TheoryData<string> Readers => [Roles.Clerk, Roles.Bureau, Roles.Leader];

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Nobody_of_the_accused_bureau_finds_the_case_in_a_listing_a_petition_or_a_timeline(string role)
    {
        var request = Petitions.Valid(region: "320102", topic: "housing");
        request.Category = Category.Accusation;
        request.AccusedUnit = "ＮＡＮＪＩＮＧ petition_bureau";
        var accused = Callers.As(role, "nanjing-petition-bureau", "320100");
        var others = Callers.Clerk("xuanwu-petition-office", "320102");
        var reporting = new ReportingService.ReportingServiceClient(system.Reporting.Channel);
        // The accused unit's staff have called before the accusation comes in: what each service keeps of their
        // recusals (RecusalCache) must not outlive the registration that adds one.
        await Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = "320102", PageSize = 1 }, accused);
        await Refused(() => reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = Guid.NewGuid().ToString() }, accused).ResponseAsync,
            StatusCode.NotFound);
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk("xuanwu-petition-office", "320102"));

        // The accused unit's staff are always recused (ADR 30): the case does not exist for them, as for another city's.
        var listed = await Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = "320102", PageSize = 500 }, accused);
        Assert.DoesNotContain(listed.Petitions, p => p.CaseId == registered.CaseId);
        await Refused(() => Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, accused).ResponseAsync, StatusCode.NotFound);
        var read = (await Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, others)).Petition;
        Assert.Equal(("nanjing-petition-bureau", false), (read.AccusedUnit, read.ContentWithheld));

        await Eventually.UntilAsync(() => reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = registered.CaseId }, Callers.Bureau("320102")).ResponseAsync,
            t => t.Entries.Count > 0, "the timeline");
        await Refused(() => reporting.GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = registered.CaseId }, accused).ResponseAsync, StatusCode.NotFound);
        await Refused(() => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel)
                .GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }, accused).ResponseAsync, StatusCode.NotFound);
    }

    [Fact]
    public async Task A_law_related_accusation_is_never_referred_to_the_accused_institution_nor_an_order_addressed_to_it()
    {
        var request = Petitions.Valid(region: "320102", topic: "housing");
        request.Category = Category.Accusation;
        request.AccusedUnit = "Xuanwu Court";
        request.LawRelated = true;
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        var legal = new LegalDiversionService.LegalDiversionServiceClient(system.LegalDiversion.Channel);
        var committee = Callers.As(Roles.Committee, "nanjing-political-legal-committee", "320100");
        var referral = (await Eventually.UntilAsync(() => legal.ListReferralsAsync(new ListReferralsRequest { CaseId = registered.CaseId }, committee).ResponseAsync,
            r => r.Referrals.Count == 1, "the referral to open")).Referrals[0];

        await Refused(() => legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = referral.ReferralId, Channel = "court_litigation", InstitutionCode = "XUANWU_COURT" },
            committee).ResponseAsync, StatusCode.FailedPrecondition, "AccusedUnitExcluded");
        await Refused(() => legal.IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest
        {
            ReferralId = referral.ReferralId, AddresseeCode = "玄武区人民法院", Content = "请依法处理", DueDate = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        }, committee).ResponseAsync, StatusCode.FailedPrecondition, "AccusedUnitExcluded");
        var unchanged = (await legal.ListReferralsAsync(new ListReferralsRequest { CaseId = registered.CaseId }, committee)).Referrals.Single();
        Assert.Equal(("open", ""), (unchanged.Status, unchanged.InstitutionCode));
        Assert.Empty((await legal.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { ReferralId = referral.ReferralId }, committee)).Orders);

        var referred = await legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = referral.ReferralId, Channel = "court_litigation", InstitutionCode = "qinhuai-court" },
            committee);
        Assert.Equal("qinhuai-court", referred.Referral.InstitutionCode);
    }

    [Fact]
    public async Task A_meeting_on_an_accusation_never_invites_the_accused_unit_nor_makes_it_the_lead()
    {
        var request = Petitions.Valid(region: "320102", topic: "housing");
        request.Category = Category.Accusation;
        request.AccusedUnit = "xuanwu housing office";
        request.OtherRegionCodes.Add("321100");
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        var meetings = new JointMeetingService.JointMeetingServiceClient(system.JointMeeting.Channel);
        var meetingId = (await Eventually.UntilAsync(() => meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = registered.CaseId }, Bureau).ResponseAsync,
            r => r.Meetings.Count == 1, "the proposed meeting")).Meetings[0].MeetingId;
        ConveneMeetingRequest Convene(params string[] parties) => new()
        {
            MeetingId = meetingId, Agenda = "跨区域协调", ScheduledAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(10)), Place = "市信访局",
            Parties = { parties }, AnswerBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"), PositionsBy = DateTime.UtcNow.AddDays(8).ToString("yyyy-MM-dd"),
        };

        await Refused(() => meetings.ConveneMeetingAsync(Convene("xuanwu-gov", "XUANWU_HOUSING_OFFICE"), Bureau).ResponseAsync, StatusCode.FailedPrecondition,
            "AccusedUnitExcluded");
        Assert.Equal("proposed", (await meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = meetingId }, Bureau)).Meeting.Status);
        await meetings.ConveneMeetingAsync(Convene("xuanwu-gov", "zhenjiang-gov"), Bureau);
        await Refused(() => meetings.HoldMeetingAsync(new HoldMeetingRequest
        {
            MeetingId = meetingId, Attended = { "xuanwu-gov" }, Minutes = "通报情况", Resolution = "由住建局牵头", LeadUnit = "南京市玄武区住房和城乡建设局",
        }, Bureau).ResponseAsync, StatusCode.FailedPrecondition, "AccusedUnitExcluded");
        Assert.Equal("convened", (await meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = meetingId }, Bureau)).Meeting.Status);
    }
}
