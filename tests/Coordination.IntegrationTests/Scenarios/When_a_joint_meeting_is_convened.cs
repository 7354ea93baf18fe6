using Coordination.Grpc.Assignment;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>联席会议 (§21): a three-party cross-region meeting from proposal to closure, every reply tracked (件件回告).</summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_joint_meeting_is_convened(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly Metadata Bureau = Callers.As(Roles.Bureau, "jiangsu-petition-bureau", "320000");
    private static Metadata Party(string unit) => Callers.As(Roles.Department, unit, "320000");

    [Fact]
    public async Task Three_parties_meet_and_every_action_item_is_answered_before_the_case_moves_on()
    {
        await using var world = await ClockWorld.StartAsync(system, "meeting");
        var meetings = await world.StartJointMeetingAsync();
        var api = new JointMeetingService.JointMeetingServiceClient(meetings.Channel);
        var caseId = await world.RegisterAsync(region: "320106", topic: "water pollution", otherRegions: ["321100", "320500"]);

        var proposed = (await Eventually.UntilAsync(() => api.ListMeetingsAsync(new ListMeetingsRequest { CaseId = caseId.ToString() }, Bureau).ResponseAsync,
            r => r.Meetings.Count == 1, "Assignment's request to become a proposed meeting")).Meetings[0];
        Assert.Equal("proposed", proposed.Status);
        var id = proposed.MeetingId;
        await Refused(() => api.ConveneMeetingAsync(new ConveneMeetingRequest { MeetingId = id, Agenda = "" }, Bureau).ResponseAsync, StatusCode.InvalidArgument, "agenda");
        await Refused(() => api.ConveneMeetingAsync(new ConveneMeetingRequest
        {
            MeetingId = id, Agenda = "跨区域水污染信访问题协调", Place = "省信访局第一会议室",
            ScheduledAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 10, 8, 10, 0, 0, Cst)),
            Parties = { "nanjing-gov", "changzhou-water-authority" }, AnswerBy = "2026-09-30", PositionsBy = "2026-10-06",
        }, Bureau).ResponseAsync, StatusCode.InvalidArgument, "parties[1]: 'changzhou-water-authority' is not a unit of the directory");
        // Parties in any spelling are the directory's units, named once each.
        var convened = await api.ConveneMeetingAsync(new ConveneMeetingRequest
        {
            MeetingId = id, Agenda = "跨区域水污染信访问题协调", Place = "省信访局第一会议室",
            ScheduledAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 10, 8, 10, 0, 0, Cst)),
            Parties = { "Nanjing-Gov", "zhenjiang gov", "SUZHOU_GOV", "nanjing-gov" }, AnswerBy = "2026-09-30", PositionsBy = "2026-10-06",
        }, Bureau);
        Assert.Equal(["nanjing-gov", "zhenjiang-gov", "suzhou-gov"], convened.Meeting.MissingAnswers);

        await api.AnswerInvitationAsync(new AnswerInvitationRequest { MeetingId = id, Response = "confirm" }, Party("nanjing-gov"));
        await api.AnswerInvitationAsync(new AnswerInvitationRequest { MeetingId = id, Response = "delegate", Reason = "主要负责人出差", Delegate = "副市长 李某" }, Party("zhenjiang-gov"));
        await api.AnswerInvitationAsync(new AnswerInvitationRequest { MeetingId = id, Response = "confirm" }, Party("suzhou-gov"));
        await Refused(() => api.AnswerInvitationAsync(new AnswerInvitationRequest { MeetingId = id, Response = "confirm" }, Party("wuxi-gov")).ResponseAsync,
            StatusCode.NotFound); // not invited: it sees nothing
        await api.SubmitPositionAsync(new SubmitPositionRequest { MeetingId = id, Position = "上游企业已停产整改", HandlingStatus = "整改中" }, Party("nanjing-gov"));
        await api.SubmitPositionAsync(new SubmitPositionRequest { MeetingId = id, Position = "配合监测", HandlingStatus = "已布点" }, Party("zhenjiang-gov"));

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 7, 9, 0, 0, Cst).ToUniversalTime()); // positions were due on the 6th
        await Eventually.UntilAsync(() => world.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = 'MeetingDeadlineMissed' AND \"CaseId\" = $1 AND \"Detail\" LIKE '%meeting_position%'", caseId),
            n => n == 1, "the late party's position to be urged (催办)");
        var waiting = await api.GetMeetingAsync(new GetMeetingRequest { MeetingId = id }, Bureau);
        Assert.Equal(["suzhou-gov"], waiting.Meeting.MissingPositions);
        var late = await api.SubmitPositionAsync(new SubmitPositionRequest { MeetingId = id, Position = "下游取水口已切换", HandlingStatus = "已完成" }, Party("suzhou-gov"));
        Assert.True(late.Meeting.Parties.Single(p => p.Code == "suzhou-gov").PositionLate);

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 8, 12, 0, 0, Cst).ToUniversalTime());
        await Refused(() => api.HoldMeetingAsync(new HoldMeetingRequest { MeetingId = id, Minutes = "x", Resolution = "y" },
            Callers.As(Roles.Bureau, "nanjing-petition-bureau", "320000")).ResponseAsync, StatusCode.NotFound); // only the convener manages it
        await Refused(() => api.HoldMeetingAsync(new HoldMeetingRequest
        {
            MeetingId = id, Attended = { "nanjing-gov" }, Minutes = "x", Resolution = "y", LeadUnit = "nanjing-environment-office",
        }, Bureau).ResponseAsync, StatusCode.InvalidArgument, "lead_unit");
        var held = await api.HoldMeetingAsync(new HoldMeetingRequest
        {
            MeetingId = id, Attended = { "nanjing-gov", "zhenjiang-gov", "suzhou-gov" }, Minutes = "三方通报情况并议定分工", Resolution = "南京牵头，苏州配合",
            LeadUnit = "  NANJING-ENVIRONMENT-BUREAU ",
        }, Bureau);
        Assert.Equal("held", held.Meeting.Status);
        Assert.Equal("nanjing-environment-bureau", held.Meeting.LeadUnit);
        Assert.Equal("李某", held.Meeting.Parties.Single(p => p.Code == "zhenjiang-gov").Delegate.Split(' ')[1]);

        await Refused(() => api.IssueActionItemAsync(new IssueActionItemRequest { MeetingId = id, Owner = "nanjing-govt", Task = "t", DueDate = "2026-10-20" }, Bureau)
            .ResponseAsync, StatusCode.InvalidArgument, "owner");
        await api.IssueActionItemAsync(new IssueActionItemRequest { MeetingId = id, Owner = "Nanjing-Gov", Task = "关停违法排污口并回告", DueDate = "2026-10-20" }, Bureau);
        var issued = await api.IssueActionItemAsync(new IssueActionItemRequest { MeetingId = id, Owner = "suzhou-gov", Task = "提供水质监测报告", DueDate = "2026-10-15" }, Bureau);
        var nanjingItem = issued.Meeting.ActionItems.Single(i => i.Owner == "nanjing-gov").ItemId;
        var suzhouItem = issued.Meeting.ActionItems.Single(i => i.Owner == "suzhou-gov").ItemId;
        await Refused(() => api.ReplyActionItemAsync(new ReplyActionItemRequest { ItemId = suzhouItem, Reply = "代为回告" }, Party("nanjing-gov")).ResponseAsync,
            StatusCode.NotFound); // a party acts only for itself

        await api.ReplyActionItemAsync(new ReplyActionItemRequest { ItemId = nanjingItem, Reply = "已责令整改", Evidence = "整改通知书" }, Party("nanjing-gov"));
        var sentBack = await api.ReviewActionItemAsync(new ReviewActionItemRequest { ItemId = nanjingItem, Accept = false, Reason = "未见关停证明" }, Bureau);
        Assert.Equal("sent_back", sentBack.Meeting.ActionItems.Single(i => i.ItemId == nanjingItem).Status);
        await api.ReplyActionItemAsync(new ReplyActionItemRequest { ItemId = nanjingItem, Reply = "排污口已封堵", Evidence = "现场照片、封堵记录" }, Party("nanjing-gov"));
        await api.ReviewActionItemAsync(new ReviewActionItemRequest { ItemId = nanjingItem, Accept = true }, Bureau);
        await Refused(() => api.CloseMeetingAsync(new CloseMeetingRequest { MeetingId = id }, Bureau).ResponseAsync, StatusCode.FailedPrecondition, "ActionItemsOpen");

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 26, 9, 0, 0, Cst).ToUniversalTime()); // Suzhou's item: due the 15th, 督办 five working days later
        await Eventually.UntilAsync(() => world.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = 'MeetingSupervisionIssued' AND \"CaseId\" = $1 AND \"Detail\" LIKE '%suzhou-gov%'", caseId),
            n => n == 1, "the overdue action item to be escalated (督办)");
        var reports = new ReportingService.ReportingServiceClient(world.Reporting.Channel);
        var overdueRequest = new GetOverdueListRequest { AsOf = Timestamp.FromDateTimeOffset(world.Clock.GetUtcNow()) };
        var overdue = await Eventually.UntilAsync(() => reports.GetOverdueListAsync(overdueRequest, Callers.Bureau("320000")).ResponseAsync,
            o => o.Items.Any(i => i.Track == "meeting" && i.Supervisions == 1), "the overdue action item on the overdue list");
        var item = overdue.Items.Where(i => i.CaseId == caseId.ToString()).Single(); // the late position was cleared when it came in
        Assert.Equal(("meeting", "suzhou-gov", 1, 1, 11), (item.Track, item.UnitCode, item.Urges, item.Supervisions, item.DaysOverdue));
        await api.ReplyActionItemAsync(new ReplyActionItemRequest { ItemId = suzhouItem, Reply = "监测报告已报送", Evidence = "报告编号2026-118" }, Party("suzhou-gov"));
        await api.ReviewActionItemAsync(new ReviewActionItemRequest { ItemId = suzhouItem, Accept = true }, Bureau);
        Assert.Equal("closed", (await api.CloseMeetingAsync(new CloseMeetingRequest { MeetingId = id }, Bureau)).Meeting.Status);
        await Eventually.UntilAsync(() => reports.GetOverdueListAsync(overdueRequest, Callers.Bureau("320000")).ResponseAsync,
            o => o.Items.All(i => i.CaseId != caseId.ToString()), "the accepted item to leave the overdue list");

        var moved = await Eventually.UntilAsync(
            () => new AssignmentService.AssignmentServiceClient(world.Assignment.Channel).GetCaseAsync(new GetCaseRequest { CaseId = caseId.ToString() }, CaseFlow.Bureau).ResponseAsync,
            c => c.Case.Status == "assigned", "the case to move on in Assignment");
        Assert.Equal("nanjing-environment-bureau", moved.Case.Assignments.Single().UnitCode);
        Assert.Equal(0, await world.Reporting.CountAsync(
            "SELECT count(*) FROM timeline_entries WHERE \"Kind\" = 'MeetingSupervisionIssued' AND \"CaseId\" = $1 AND \"Detail\" LIKE '%nanjing-gov%'", caseId));
    }

    [Fact]
    public async Task Recurring_meetings_are_scheduled_month_by_month()
    {
        var api = new JointMeetingService.JointMeetingServiceClient(system.JointMeeting.Channel);
        var first = DateTimeOffset.UtcNow.AddDays(10);
        var reply = await api.ScheduleRecurringAsync(new ScheduleRecurringRequest
        {
            Agenda = "信访老户月度会办 (§12)", Parties = { "nanjing-gov", "gulou-gov" }, FirstAt = Timestamp.FromDateTimeOffset(first), Place = "市信访局",
            EveryMonths = 1, Occurrences = 3,
        }, Bureau);
        Assert.Equal(3, reply.Meetings.Count);
        Assert.All(reply.Meetings, m => Assert.Equal("convened", m.Status));
        Assert.Equal(first.AddMonths(2).ToUnixTimeSeconds(), reply.Meetings[2].ScheduledAt.ToDateTimeOffset().ToUnixTimeSeconds());
    }
}
