using Coordination.Grpc.JointMeeting;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Coordination.Bench.Mixed;

/// <summary>
/// Joint meetings (联席会议), at most --meetings a round, one every --meeting-every seconds: the bureau convenes one (a single occurrence of
/// ScheduleRecurring: proposed and convened at once) with the parties; each party confirms and submits its position;
/// the bureau holds it with every party present, issues an action item to the first party, which replies; the bureau
/// accepts the reply and closes the meeting. The first party is the first department's unit, the second the committee's.
/// </summary>
public sealed class MeetingActor(JointMeetingService.JointMeetingServiceClient meetings, People people, MixedOptions options, Calls calls)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var gap = TimeSpan.FromSeconds(options.MeetingEverySeconds);
        for (var n = 0; n < options.MeetingsPerRound && !ct.IsCancellationRequested; n++)
        {
            await RunOneAsync(ct);
            await Task.Delay(gap, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task RunOneAsync(CancellationToken ct)
    {
        var day = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd");
        var scheduled = await calls.TimeAsync("JointMeeting.ScheduleRecurring", true, () => meetings.ScheduleRecurringAsync(new ScheduleRecurringRequest
        {
            Agenda = "拆迁补偿协调 (bench)", FirstAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)), EveryMonths = 1, Occurrences = 1,
            Place = "市信访局第一会议室", Parties = { options.MeetingParties },
        }, people.Bureau, cancellationToken: ct).ResponseAsync, ct);
        if (scheduled?.Meetings.FirstOrDefault()?.MeetingId is not { } id) return;
        var parties = new[] { people.Departments[0], people.Committee };
        foreach (var party in parties)
        {
            await calls.TimeAsync("JointMeeting.AnswerInvitation", true, () => meetings.AnswerInvitationAsync(
                new AnswerInvitationRequest { MeetingId = id, Response = "confirm" }, party, cancellationToken: ct).ResponseAsync, ct);
            await calls.TimeAsync("JointMeeting.SubmitPosition", true, () => meetings.SubmitPositionAsync(
                new SubmitPositionRequest { MeetingId = id, Position = "同意按协议补偿", HandlingStatus = "已核实补偿协议" }, party, cancellationToken: ct).ResponseAsync, ct);
        }
        await calls.TimeAsync("JointMeeting.GetMeeting", false, () =>
            meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = id }, people.Bureau, cancellationToken: ct).ResponseAsync, ct);
        var held = await calls.TimeAsync("JointMeeting.HoldMeeting", true, () => meetings.HoldMeetingAsync(new HoldMeetingRequest
        {
            MeetingId = id, Attended = { options.MeetingParties }, Minutes = "各方陈述意见", Resolution = "由第一方牵头落实补偿",
        }, people.Bureau, cancellationToken: ct).ResponseAsync, ct);
        if (held is null) return;
        var issued = await calls.TimeAsync("JointMeeting.IssueActionItem", true, () => meetings.IssueActionItemAsync(new IssueActionItemRequest
        {
            MeetingId = id, Owner = options.MeetingParties[0], Task = "十日内支付补偿款", DueDate = day,
        }, people.Bureau, cancellationToken: ct).ResponseAsync, ct);
        if (issued?.Meeting.ActionItems.LastOrDefault()?.ItemId is not { } item) return;
        await calls.TimeAsync("JointMeeting.ReplyActionItem", true, () => meetings.ReplyActionItemAsync(
            new ReplyActionItemRequest { ItemId = item, Reply = "补偿款已支付", Evidence = "银行回单" }, parties[0], cancellationToken: ct).ResponseAsync, ct);
        await calls.TimeAsync("JointMeeting.ReviewActionItem", true, () => meetings.ReviewActionItemAsync(
            new ReviewActionItemRequest { ItemId = item, Accept = true }, people.Bureau, cancellationToken: ct).ResponseAsync, ct);
        await calls.TimeAsync("JointMeeting.CloseMeeting", true, () => meetings.CloseMeetingAsync(
            new CloseMeetingRequest { MeetingId = id }, people.Bureau, cancellationToken: ct).ResponseAsync, ct);
    }
}
