using Coordination.Contracts;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.IntegrationTests.Fixtures;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Every text is checked at the edge against the column it ends in (Contracts.FieldLimits), the list of other regions
/// is capped, and a value the edge accepts fits wherever it travels: no UNKNOWN, no message parked in an error queue.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_field_is_longer_than_its_column(SystemFixture system)
{
    private static readonly Metadata Committee = Callers.Committee("320100");
    private static readonly Metadata NanjingBureau = Callers.As("bureau", "nanjing-petition-bureau", "320100");
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);
    private LegalDiversionService.LegalDiversionServiceClient Legal => new(system.LegalDiversion.Channel);
    private JointMeetingService.JointMeetingServiceClient Meetings => new(system.JointMeeting.Channel);

    private static string Chars(int n) => string.Concat(Enumerable.Repeat("协调", n / 2 + 1))[..n];

    private static void Names(RpcException ex, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(field, ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_committee_meeting_reason_beyond_its_column_is_refused_and_one_that_fits_becomes_a_meeting()
    {
        var request = Petitions.Valid(region: "320102", topic: "contract dispute");
        request.LawRelated = true;
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        var referral = (await Eventually.UntilAsync(
            () => Legal.ListReferralsAsync(new ListReferralsRequest { CaseId = registered.CaseId }, Committee).ResponseAsync,
            r => r.Referrals.Count == 1, "the law-related case to become a referral")).Referrals[0];

        Names(await Refused(() => Legal.RequestJointMeetingAsync(new RequestJointMeetingRequest { ReferralId = referral.ReferralId, Reason = Chars(300) },
            Committee).ResponseAsync, StatusCode.InvalidArgument, $"at most {FieldLimits.MeetingReason} characters"), "reason");

        await Legal.MarkMajorAsync(new MarkMajorRequest { ReferralId = referral.ReferralId, Reason = "涉及多个区域" }, Committee);
        var reason = Chars(FieldLimits.MeetingReason);
        await Legal.RequestJointMeetingAsync(new RequestJointMeetingRequest { ReferralId = referral.ReferralId, Reason = reason }, Committee);
        var meeting = (await Eventually.UntilAsync(
            () => Meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = registered.CaseId }, NanjingBureau).ResponseAsync,
            r => r.Meetings.Count == 1, "the committee's request to become a proposed meeting")).Meetings[0];
        Assert.EndsWith(reason, meeting.Reason);
    }

    [Fact]
    public async Task A_bureau_proposal_with_a_full_reason_is_kept_whole()
    {
        var request = Petitions.Valid(region: "320102", topic: "water pollution");
        request.OtherRegionCodes.Add("321100");
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        // A bureau may gather only a case awaiting a meeting: wait until Assignment's request has reached JointMeeting.
        await Eventually.UntilAsync(() => Meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = registered.CaseId }, NanjingBureau).ResponseAsync,
            r => r.Meetings.Count == 1, "Assignment's request to become a proposed meeting");

        Names(await Refused(() => Meetings.ProposeMeetingAsync(new ProposeMeetingRequest { CaseIds = { registered.CaseId }, Reason = Chars(201) },
            NanjingBureau).ResponseAsync, StatusCode.InvalidArgument), "reason");
        var reason = Chars(190);
        var proposed = await Meetings.ProposeMeetingAsync(new ProposeMeetingRequest { CaseIds = { registered.CaseId }, Reason = reason }, NanjingBureau);
        Assert.EndsWith(reason, proposed.Meeting.Reason);
    }

    [Fact]
    public async Task A_recurring_meeting_keeps_a_long_agenda_and_refuses_one_beyond_its_column()
    {
        ScheduleRecurringRequest Recurring(string agenda, string place) => new()
        {
            Agenda = agenda, Place = place, FirstAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(10)), EveryMonths = 1, Occurrences = 2,
            Parties = { "nanjing-gov", "xuanwu-housing-office" },
        };

        var agenda = Chars(300);
        var scheduled = await Meetings.ScheduleRecurringAsync(Recurring(agenda, "市信访局"), NanjingBureau);
        Assert.All(scheduled.Meetings, m => Assert.Equal(agenda, m.Agenda));
        Assert.All(scheduled.Meetings, m => Assert.True(m.Reason.Length <= FieldLimits.MeetingReasonStored));

        var ex = await Refused(() => Meetings.ScheduleRecurringAsync(Recurring(Chars(FieldLimits.MeetingAgenda + 1), Chars(FieldLimits.MeetingPlace + 1)),
            NanjingBureau).ResponseAsync, StatusCode.InvalidArgument);
        Names(ex, "agenda");
        Names(ex, "place");
    }

    [Fact]
    public async Task A_long_lead_unit_is_named_not_thrown()
    {
        var ex = await Refused(() => Meetings.HoldMeetingAsync(new HoldMeetingRequest
        {
            MeetingId = Guid.NewGuid().ToString(), Attended = { "nanjing-gov" }, Minutes = "纪要", Resolution = "决议", LeadUnit = Chars(500),
        }, NanjingBureau).ResponseAsync, StatusCode.InvalidArgument);
        Names(ex, "lead_unit");
    }

    [Fact]
    public async Task Other_regions_are_capped()
    {
        var request = Petitions.Valid();
        request.OtherRegionCodes.AddRange(Enumerable.Range(0, 100_000).Select(i => (320000 + i % 999 + 1).ToString()));
        var ex = await Refused(() => Intake.RegisterPetitionAsync(request, Callers.Clerk()).ResponseAsync, StatusCode.InvalidArgument);
        Names(ex, "other_region_codes");

        request.OtherRegionCodes.Clear();
        request.OtherRegionCodes.AddRange(Enumerable.Range(1, 21).Select(i => (321000 + i * 100).ToString()));
        Names(await Refused(() => Intake.RegisterPetitionAsync(request, Callers.Clerk()).ResponseAsync, StatusCode.InvalidArgument), "other_region_codes");
    }

    [Fact]
    public async Task Control_characters_and_impossible_times_are_named()
    {
        var request = Petitions.Valid();
        request.Summary = "拆迁补偿\u0000\u001b[2J";
        request.ReceivedAt = new Timestamp { Seconds = long.MaxValue };
        var ex = await Refused(() => Intake.RegisterPetitionAsync(request, Callers.Clerk()).ResponseAsync, StatusCode.InvalidArgument);
        Names(ex, "summary");
        Names(ex, "received_at");
    }
}
