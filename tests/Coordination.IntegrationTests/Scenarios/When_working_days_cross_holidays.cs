using Coordination.Contracts.Assignment;
using Coordination.Contracts.Directory;
using Coordination.ServiceDefaults.Calendar;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// One working calendar (ADR 19): the State Council's 2026 calendar, seeded in every service, counts a limit across
/// National Day (1-7 October off) and the make-up Saturday 10 October (调休, worked) the same way in Assignment,
/// LegalDiversion and JointMeeting.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_working_days_cross_holidays(SystemFixture system)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly Metadata Committee = Callers.Committee("320100");
    private static readonly Metadata ProvinceBureau = Callers.As(Roles.Bureau, "jiangsu-petition-bureau", "320000");
    /// <summary>The close of Thursday 8 October: three working days from Monday 28 September (29, 30 September, 8 October).</summary>
    private static readonly DateTimeOffset EndOfOctober8 = new(2026, 10, 9, 0, 0, 0, Cst);
    /// <summary>督办 five working days on: Saturday 10 (worked), Monday 12 to Thursday 15 October.</summary>
    private static readonly DateTimeOffset EndOfOctober15 = new(2026, 10, 16, 0, 0, 0, Cst);

    [Fact]
    public async Task A_limit_across_National_Day_and_a_make_up_Saturday_counts_the_same_in_every_service()
    {
        await using var world = await ClockWorld.StartAsync(system, "calendar");
        var legalService = await world.StartLegalDiversionAsync();
        var meetingService = await world.StartJointMeetingAsync();

        // Assignment: a hand-over on Monday 28 September 09:00 is acknowledged within three working days.
        var caseId = await world.RegisterAsync(region: "320106", topic: "labour");
        var handOver = await new CaseFlow(world.Assignment.Channel).AssignmentOfAsync(caseId);
        Assert.Equal(EndOfOctober8, handOver.AcknowledgeDueAt.ToDateTimeOffset());
        var acknowledge = (await new AssignmentService.AssignmentServiceClient(world.Assignment.Channel)
            .ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = caseId.ToString() }, CaseFlow.Bureau)).Deadlines.Single(d => d.Step == "acknowledge");
        Assert.Equal(EndOfOctober8, acknowledge.DueAt.ToDateTimeOffset());
        Assert.Equal(EndOfOctober15, await SupervisionAtAsync(world.Assignment, "acknowledge"));

        // LegalDiversion: the institution acknowledges within seven working days; an order due on 8 October is supervised on the 15th.
        var legal = new LegalDiversionService.LegalDiversionServiceClient(legalService.Channel);
        var legalCase = NewId.NextGuid();
        await legalService.App.Services.GetRequiredService<IBus>().Publish(new LegalDiversionRequested
        {
            CaseId = legalCase, CaseNumber = "320102-2026-710001", RegionCode = "320102", Topic = "contract dispute", OccurredAt = world.Clock.GetUtcNow(),
        });
        var referral = (await Eventually.UntilAsync(() => legal.ListReferralsAsync(new ListReferralsRequest { CaseId = legalCase.ToString() }, Committee).ResponseAsync,
            r => r.Referrals.Count == 1, "the referral")).Referrals[0];
        await legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = referral.ReferralId, Channel = "court_litigation", InstitutionCode = "xuanwu-court" }, Committee);
        Assert.Equal(new DateTimeOffset(2026, 10, 14, 0, 0, 0, Cst), await DueAtAsync(legalService, "legal_acknowledge")); // … 8, 9, Sat 10, 12, 13
        var order = await legal.IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest
            { ReferralId = referral.ReferralId, AddresseeCode = "xuanwu-court", Content = "请于10月8日前报告立案情况", DueDate = "2026-10-08" }, Committee);
        Assert.Equal(EndOfOctober8, order.Order.DueAt.ToDateTimeOffset());
        Assert.Equal(EndOfOctober15, await SupervisionAtAsync(legalService, "supervision_order"));

        // JointMeeting: parties answer by 8 October; an unanswered invitation is supervised on the 15th.
        var meetings = new JointMeetingService.JointMeetingServiceClient(meetingService.Channel);
        var crossRegion = await world.RegisterAsync(region: "320106", topic: "water pollution", otherRegions: ["321100"]);
        var proposed = (await Eventually.UntilAsync(() => meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = crossRegion.ToString() }, ProvinceBureau).ResponseAsync,
            r => r.Meetings.Count == 1, "the proposed meeting")).Meetings[0];
        await meetings.ConveneMeetingAsync(new ConveneMeetingRequest
        {
            MeetingId = proposed.MeetingId, Agenda = "跨区域水污染信访问题协调", Place = "省信访局第一会议室",
            ScheduledAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 10, 12, 10, 0, 0, Cst)),
            Parties = { "nanjing-gov", "zhenjiang-gov" }, AnswerBy = "2026-10-08", PositionsBy = "2026-10-09",
        }, ProvinceBureau);
        Assert.Equal(EndOfOctober8, await DueAtAsync(meetingService, "meeting_answer"));
        Assert.Equal(EndOfOctober15, await SupervisionAtAsync(meetingService, "meeting_answer"));
    }

    [Fact]
    public async Task A_calendar_change_moves_the_limits_still_running_and_leaves_passed_ones_as_they_were()
    {
        await using var world = await ClockWorld.StartAsync(system, "replan");
        var flow = new CaseFlow(world.Assignment.Channel);
        var early = await flow.AssignmentOfAsync(await world.RegisterAsync()); // Monday 28 September: due as 9 October begins
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 10, 9, 0, 0, Cst).ToUniversalTime()); // the make-up Saturday
        var late = await flow.AssignmentOfAsync(await world.RegisterAsync());
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 0, 0, 0, Cst), late.AcknowledgeDueAt.ToDateTimeOffset()); // 12, 13, 14 October

        // The Directory makes Tuesday 13 October a holiday (its event, published here as it would be).
        await world.Assignment.App.Services.GetRequiredService<IBus>().Publish(new WorkingCalendarChanged
        {
            Version = OfficialCalendar.Version + 1, OccurredAt = world.Clock.GetUtcNow(),
            Days = [.. OfficialCalendar.Days, new CalendarDay { Date = new DateOnly(2026, 10, 13), Kind = CalendarDayKinds.Holiday, Name = "测试假日" }],
        });
        await Eventually.UntilAsync(world.Assignment.CalendarVersionAsync, v => v == OfficialCalendar.Version + 1, "the new calendar");

        var api = new AssignmentService.AssignmentServiceClient(world.Assignment.Channel);
        var moved = await flow.AssignmentOfAsync(Guid.Parse(late.CaseId));
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 0, 0, 0, Cst), moved.AcknowledgeDueAt.ToDateTimeOffset()); // 12, 14, 15 October
        var lateLimits = (await api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = late.CaseId }, CaseFlow.Bureau)).Deadlines;
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 0, 0, 0, Cst), lateLimits.Single(d => d.Step == "acknowledge").DueAt.ToDateTimeOffset());
        var earlyLimits = (await api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = early.CaseId }, CaseFlow.Bureau)).Deadlines;
        Assert.Equal(EndOfOctober8, earlyLimits.Single(d => d.Step == "acknowledge").DueAt.ToDateTimeOffset()); // passed: as it was
        Assert.Equal(EndOfOctober8, (await flow.AssignmentOfAsync(Guid.Parse(early.CaseId))).AcknowledgeDueAt.ToDateTimeOffset());
    }

    private static async Task<DateTimeOffset> DueAtAsync(ServiceInstance service, string step) =>
        new(await service.ValueAsync<DateTime>("SELECT \"DueAt\" FROM deadlines WHERE \"Step\" = $1 ORDER BY \"DueAt\" LIMIT 1", step), TimeSpan.Zero);

    private static async Task<DateTimeOffset> SupervisionAtAsync(ServiceInstance service, string step) =>
        new(await service.ValueAsync<DateTime>("SELECT \"SupervisionAt\" FROM deadlines WHERE \"Step\" = $1 ORDER BY \"DueAt\" LIMIT 1", step), TimeSpan.Zero);
}
