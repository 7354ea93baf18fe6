using Coordination.Grpc.JointMeeting;
using Google.Protobuf.WellKnownTypes;
using MeetingEntity = Coordination.JointMeeting.Domain.Meeting;
using MeetingView = Coordination.Grpc.JointMeeting.Meeting;

namespace Coordination.JointMeeting.Api;

public static class MeetingViews
{
    private static Timestamp? At(DateTimeOffset? at) => at is { } v ? Timestamp.FromDateTimeOffset(v) : null;

    public static MeetingView ToView(MeetingEntity m) => new()
    {
        MeetingId = m.Id.ToString(), CaseId = m.CaseId.ToString(), CaseNumber = m.CaseNumber, RegionCode = m.RegionCode, RegionCodes = { m.RegionCodes },
        Status = m.Status, Reason = m.Reason, ProposedAt = At(m.ProposedAt), CaseIds = { m.CaseIds.Select(c => c.ToString()) }, Agenda = m.Agenda ?? "",
        ConvenerUnit = m.ConvenerUnit ?? "", ScheduledAt = At(m.ScheduledAt), Place = m.Place ?? "", Minutes = m.Minutes ?? "", Resolution = m.Resolution ?? "",
        LeadUnit = m.LeadUnit ?? "",
        Parties =
        {
            m.Parties.Select(p => new Party
            {
                Code = p.Code, Response = p.Response, DeclineReason = p.DeclineReason ?? "", Delegate = p.Delegate ?? "", Position = p.Position ?? "",
                HandlingStatus = p.HandlingStatus ?? "", PositionLate = p.PositionLate, Attended = p.Attended,
            }),
        },
        ActionItems =
        {
            m.ActionItems.OrderBy(i => i.DueAt).Select(i => new ActionItem
            {
                ItemId = i.Id.ToString(), Owner = i.Owner, Task = i.Task, DueAt = At(i.DueAt), Status = i.Status, Reply = i.Reply ?? "", Evidence = i.Evidence ?? "",
                SendBackReason = i.SendBackReason ?? "",
            }),
        },
        MissingAnswers = { m.Parties.Where(p => p.Response == Domain.MeetingParty.Invited).Select(p => p.Code) },
        MissingPositions = { m.Parties.Where(p => p.PositionSubmittedAt is null).Select(p => p.Code) },
    };
}
