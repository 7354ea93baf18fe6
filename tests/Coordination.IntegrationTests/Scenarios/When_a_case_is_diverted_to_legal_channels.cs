using Coordination.Contracts.Assignment;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Google.Protobuf.WellKnownTypes;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>诉访分离 (seed §14-15): referrals to legal channels, institutions' answers, conclusion, and the committee's supervision.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_case_is_diverted_to_legal_channels(SystemFixture system)
{
    private static readonly Metadata Committee = Callers.Committee("320100");
    private LegalDiversionService.LegalDiversionServiceClient Legal => new(system.LegalDiversion.Channel);
    private static Metadata Institution(string code, string region = "320100") => Callers.As(Roles.Institution, code, region);

    private async Task<Grpc.LegalDiversion.Referral> OpenReferralAsync(string region = "320102", string topic = "contract dispute")
    {
        var request = Fixtures.Petitions.Valid(region: region, topic: topic);
        request.LawRelated = true;
        var registered = await new IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(request, Callers.Clerk());
        var list = await Eventually.UntilAsync(
            () => Legal.ListReferralsAsync(new ListReferralsRequest { CaseId = registered.CaseId }, Committee).ResponseAsync,
            r => r.Referrals.Count == 1, "the open referral");
        return list.Referrals[0];
    }

    public static TheoryData<string> Channels => new(Coordination.LegalDiversion.Domain.Channels.All.Order());

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_case_can_be_referred_to_each_channel(string channel)
    {
        var referral = await OpenReferralAsync();
        var institution = (await Legal.ListInstitutionsAsync(new ListInstitutionsRequest { Channel = channel }, Committee)).Institutions
            .First(i => i.RegionCode.StartsWith("3201"));
        var referred = await Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = referral.ReferralId, Channel = channel, InstitutionCode = institution.Code }, Committee);
        Assert.Equal(("referred", channel, institution.Code), (referred.Referral.Status, referred.Referral.Channel, referred.Referral.InstitutionCode));
    }

    [Fact]
    public async Task An_institution_declines_the_case_is_referred_again_accepted_and_followed_to_an_outcome()
    {
        var r = await OpenReferralAsync();
        await Refused(() => Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = r.ReferralId, Channel = "court_litigation", InstitutionCode = "xuanwu-district-court" },
            Committee).ResponseAsync, StatusCode.InvalidArgument, "institution_code");
        await Refused(() => Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = r.ReferralId, Channel = "court_litigation", InstitutionCode = "xuanwu-housing-office" },
            Committee).ResponseAsync, StatusCode.InvalidArgument, "institution_code: unit xuanwu-housing-office");
        var referred = await Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = r.ReferralId, Channel = "court_litigation", InstitutionCode = "Xuanwu Court" }, Committee);
        Assert.Equal("xuanwu-court", referred.Referral.InstitutionCode);
        var court = Institution("xuanwu-court", "320102");
        await Refused(() => Legal.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { ReferralId = r.ReferralId, Decision = "declined" }, court).ResponseAsync,
            StatusCode.InvalidArgument, "reasons");
        var declined = await Legal.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { ReferralId = r.ReferralId, Decision = "declined", Reasons = "属劳动争议，应先行仲裁" }, court);
        Assert.Equal("declined", declined.Referral.Status);

        await Refused(() => Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = r.ReferralId, Channel = "court_litigation", InstitutionCode = "nanjing-labour-arbitration" },
            Committee).ResponseAsync, StatusCode.FailedPrecondition, "ChannelMismatch");
        var again = await Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = r.ReferralId, Channel = "arbitration", InstitutionCode = "nanjing-labour-arbitration" }, Committee);
        Assert.Equal(2, again.Referral.ReferralCount);
        await Refused(() => Legal.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { ReferralId = r.ReferralId, Decision = "filed" }, court).ResponseAsync,
            StatusCode.NotFound);

        var arbitration = Institution("nanjing-labour-arbitration");
        Assert.Equal("accepted", (await Legal.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { ReferralId = r.ReferralId, Decision = "accepted" }, arbitration)).Referral.Status);
        Assert.Equal("in_progress", (await Legal.PostReferralUpdateAsync(new PostReferralUpdateRequest { ReferralId = r.ReferralId, Update = "hearing_scheduled", Note = "12月10日开庭" }, arbitration)).Referral.Status);
        var decided = await Legal.PostReferralUpdateAsync(new PostReferralUpdateRequest { ReferralId = r.ReferralId, Update = "mediated", Note = "调解结案" }, arbitration);
        Assert.Equal(("outcome_reported", "mediated"), (decided.Referral.Status, decided.Referral.LastUpdate));
        await Refused(() => Legal.PostReferralUpdateAsync(new PostReferralUpdateRequest { ReferralId = r.ReferralId, Update = "decided" }, arbitration).ResponseAsync,
            StatusCode.FailedPrecondition, "NotInLegalProcedure");
    }

    [Fact]
    public async Task Concluded_in_law_the_case_closes_as_diverted_and_leaves_the_petition_track()
    {
        var r = await OpenReferralAsync();
        await Refused(() => Legal.ConcludeReferralAsync(new ConcludeReferralRequest { ReferralId = r.ReferralId, Conclusion = "concluded_in_law", Detail = "x" }, Committee).ResponseAsync,
            StatusCode.FailedPrecondition, "NotInLegalProcedure");
        await Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = r.ReferralId, Channel = "court_litigation", InstitutionCode = "xuanwu-court" }, Committee);
        await Legal.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { ReferralId = r.ReferralId, Decision = "filed" }, Institution("xuanwu-court", "320102"));
        var concluded = await Legal.ConcludeReferralAsync(new ConcludeReferralRequest { ReferralId = r.ReferralId, Conclusion = "concluded_in_law", Detail = "法院已立案受理，依法终结" }, Committee);
        Assert.Equal("concluded_in_law", concluded.Referral.Status);

        var closed = await Eventually.UntilAsync(
            () => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel).GetCaseAsync(new GetCaseRequest { CaseId = r.CaseId }, Bureau).ResponseAsync,
            c => c.Case.Status == "closed", "Assignment to close the case");
        Assert.Equal("diverted", closed.Case.Outcome);
        var board = await Legal.GetBoardAsync(new GetBoardRequest { Status = "concluded_in_law" }, Committee);
        Assert.Contains(board.Referrals, x => x.ReferralId == r.ReferralId);
        Assert.True(board.ByStatus.Single(c => c.Key == "concluded_in_law").Count >= 1);
        await Eventually.UntilAsync(
            () => new ReportingService.ReportingServiceClient(system.Reporting.Channel).GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = r.CaseId }, Bureau).ResponseAsync,
            t => new[] { "ReferralMade", "ReferralAcknowledged", "LegalReferralConcluded", "CaseClosed" }.All(k => t.Entries.Any(e => e.Kind == k)),
            "the diversion's steps on the timeline");
    }

    [Fact]
    public async Task Not_in_fact_a_legal_matter_it_returns_to_the_petition_track_and_is_routed_again()
    {
        var r = await OpenReferralAsync(region: "320106", topic: "labour");
        var back = await Legal.ConcludeReferralAsync(new ConcludeReferralRequest { ReferralId = r.ReferralId, Conclusion = "returned_to_petition_track", Detail = "非涉法事项" }, Committee);
        Assert.Equal("returned_to_petition_track", back.Referral.Status);
        var routed = await Eventually.UntilAsync(
            () => new AssignmentService.AssignmentServiceClient(system.Assignment.Channel).GetCaseAsync(new GetCaseRequest { CaseId = r.CaseId }, Bureau).ResponseAsync,
            c => c.Case.Status == "assigned", "Assignment to route the case again");
        Assert.Equal(LabourBureau, routed.Case.Assignments.Single().UnitCode);
    }

    [Fact]
    public async Task A_committee_sees_only_its_jurisdiction_and_an_institution_only_what_is_addressed_to_it()
    {
        var r = await OpenReferralAsync();
        var suzhou = Callers.Committee("320500");
        Assert.DoesNotContain((await Legal.GetBoardAsync(new GetBoardRequest(), suzhou)).Referrals, x => x.ReferralId == r.ReferralId);
        Assert.Contains((await Legal.GetBoardAsync(new GetBoardRequest(), Committee)).Referrals, x => x.ReferralId == r.ReferralId);
        await Refused(() => Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = r.ReferralId, Channel = "court_litigation", InstitutionCode = "xuanwu-court" }, suzhou).ResponseAsync,
            StatusCode.NotFound);
        var court = Institution("xuanwu-court", "320102");
        Assert.DoesNotContain((await Legal.ListReferralsAsync(new ListReferralsRequest(), court)).Referrals, x => x.ReferralId == r.ReferralId);
        await Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = r.ReferralId, Channel = "court_litigation", InstitutionCode = "xuanwu-court" }, Committee);
        Assert.Contains((await Legal.ListReferralsAsync(new ListReferralsRequest(), court)).Referrals, x => x.ReferralId == r.ReferralId);
        var board = await Legal.GetBoardAsync(new GetBoardRequest { InstitutionCode = "xuanwu-court" }, Committee);
        Assert.All(board.Referrals, x => Assert.Equal("xuanwu-court", x.InstitutionCode));
        Assert.Contains(board.ByChannel, c => c.Key == "court_litigation");
    }

    [Fact]
    public async Task A_committee_marks_a_hard_case_major_and_asks_for_a_joint_meeting()
    {
        var r = await OpenReferralAsync();
        await Refused(() => Legal.RequestJointMeetingAsync(new RequestJointMeetingRequest { ReferralId = r.ReferralId, Reason = "涉及多部门" }, Committee).ResponseAsync,
            StatusCode.FailedPrecondition, "OnlyMajorCases");
        Assert.True((await Legal.MarkMajorAsync(new MarkMajorRequest { ReferralId = r.ReferralId, Reason = "群体性、涉及多部门" }, Committee)).Referral.Major);
        await Legal.RequestJointMeetingAsync(new RequestJointMeetingRequest { ReferralId = r.ReferralId, Reason = "涉及多部门" }, Committee);
        var meetings = await Eventually.UntilAsync(
            () => new JointMeetingService.JointMeetingServiceClient(system.JointMeeting.Channel).ListMeetingsAsync(new ListMeetingsRequest { CaseId = r.CaseId }, Bureau).ResponseAsync,
            m => m.Meetings.Count == 1, "a proposed joint meeting");
        Assert.Contains("political-legal committee", meetings.Meetings[0].Reason);
    }

    [Fact]
    public async Task Lawyers_advice_at_reception_is_recorded_on_the_case()
    {
        var r = await OpenReferralAsync();
        await Refused(() => Legal.RecordLegalAdviceAsync(new RecordLegalAdviceRequest { CaseId = r.CaseId, Lawyer = "周律师" }, Callers.Clerk()).ResponseAsync,
            StatusCode.InvalidArgument, "firm");
        var advice = await Legal.RecordLegalAdviceAsync(new RecordLegalAdviceRequest
        {
            CaseId = r.CaseId, Lawyer = "周律师", Firm = "江苏某某律师事务所", Advice = "建议向劳动争议仲裁委员会申请仲裁",
        }, Callers.Clerk());
        Assert.Equal("周律师", advice.LegalAdvice.Lawyer);
        await Eventually.UntilAsync(
            () => new ReportingService.ReportingServiceClient(system.Reporting.Channel).GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = r.CaseId }, Bureau).ResponseAsync,
            t => t.Entries.Any(e => e.Kind == "LegalAdviceRecorded"), "the advice on the timeline");
    }

    [Fact]
    public async Task Supervision_orders_are_answered_or_fall_overdue_and_escalate()
    {
        await using var world = await ClockWorld.StartAsync(system, "legal");
        var legalService = await world.StartLegalDiversionAsync();
        var legal = new LegalDiversionService.LegalDiversionServiceClient(legalService.Channel);
        var caseId = NewId.NextGuid();
        var bus = legalService.App.Services.GetRequiredService<IBus>();
        await bus.Publish(Events.Registered(caseId, "320102", world.Clock.GetUtcNow(), "320102-2026-700001")); // Reporting learns the case's region
        await bus.Publish(new LegalDiversionRequested
        {
            CaseId = caseId, CaseNumber = "320102-2026-700001", RegionCode = "320102", Topic = "contract dispute", OccurredAt = world.Clock.GetUtcNow(),
        });
        var referral = (await Eventually.UntilAsync(
            () => legal.ListReferralsAsync(new ListReferralsRequest { CaseId = caseId.ToString() }, Committee).ResponseAsync, r => r.Referrals.Count == 1, "the referral")).Referrals[0];
        await legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = referral.ReferralId, Channel = "court_litigation", InstitutionCode = "xuanwu-court" }, Committee);
        var court = Institution("xuanwu-court", "320102");

        await Refused(() => legal.IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest
            { ReferralId = referral.ReferralId, AddresseeCode = "xuanwu-people-court", Content = "x", DueDate = "2026-10-12" }, Committee).ResponseAsync,
            StatusCode.InvalidArgument, "addressee_code");
        var answered = await legal.IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest
            { ReferralId = referral.ReferralId, AddresseeCode = "XUANWU-COURT", Content = "请于10月12日前报告立案情况", DueDate = "2026-10-12" }, Committee);
        Assert.Equal("xuanwu-court", answered.Order.AddresseeCode);
        var ignored = await legal.IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest
            { ReferralId = referral.ReferralId, AddresseeCode = "xuanwu-court", Content = "请于10月12日前报告审理计划", DueDate = "2026-10-12" }, Committee);
        await Refused(() => legal.IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest
            { ReferralId = referral.ReferralId, AddresseeCode = "xuanwu-court", Content = "x", DueDate = "tomorrow" }, Committee).ResponseAsync, StatusCode.InvalidArgument, "due_date");
        await legal.ReplySupervisionOrderAsync(new ReplySupervisionOrderRequest { OrderId = answered.Order.OrderId, Reply = "已于10月9日立案" }, court);
        await Refused(() => legal.ReplySupervisionOrderAsync(new ReplySupervisionOrderRequest { OrderId = ignored.Order.OrderId, Reply = "x" }, Institution("qinhuai-court", "320104")).ResponseAsync,
            StatusCode.NotFound);

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime()); // the day after the deadline
        await Eventually.UntilAsync(() => world.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = 'LegalDeadlineMissed' AND \"CaseId\" = $1 AND \"Detail\" LIKE '%supervision_order%'", caseId),
            n => n == 1, "催办 of the unanswered order only");
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 21, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime()); // five working days on
        var orders = await Eventually.UntilAsync(
            () => legal.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { ReferralId = referral.ReferralId }, Committee).ResponseAsync,
            o => o.Orders.Single(x => x.OrderId == ignored.Order.OrderId).Escalated, "the unanswered order to escalate");
        var done = orders.Orders.Single(x => x.OrderId == answered.Order.OrderId);
        Assert.Equal(("replied", false, false), (done.Status, done.Overdue, done.Escalated));
        Assert.True(orders.Orders.Single(x => x.OrderId == ignored.Order.OrderId).Overdue);
        Assert.Equal(1, await world.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = 'LegalDeadlineMissed' AND \"CaseId\" = $1 AND \"Detail\" LIKE '%supervision_order%'", caseId));

        // The overdue list shows the unanswered order against the court, with its 催办 and escalation.
        var reports = new ReportingService.ReportingServiceClient(world.Reporting.Channel);
        var request = new GetOverdueListRequest { AsOf = Timestamp.FromDateTimeOffset(world.Clock.GetUtcNow()), UnitCode = "xuanwu-court" };
        var overdue = await Eventually.UntilAsync(() => reports.GetOverdueListAsync(request, Callers.Bureau("320000")).ResponseAsync,
            o => o.Items.Any(i => i.Step == "supervision_order" && i.Supervisions == 1), "the order on the overdue list");
        var order = overdue.Items.Single(i => i.Step == "supervision_order");
        Assert.Equal(("legal", 1, 1, 9), (order.Track, order.Urges, order.Supervisions, order.DaysOverdue));
        await legal.ReplySupervisionOrderAsync(new ReplySupervisionOrderRequest { OrderId = ignored.Order.OrderId, Reply = "已报送审理计划" }, court);
        await Eventually.UntilAsync(() => reports.GetOverdueListAsync(request, Callers.Bureau("320000")).ResponseAsync,
            o => o.Items.All(i => i.Step != "supervision_order"), "the answered order to leave the overdue list");
    }
}
