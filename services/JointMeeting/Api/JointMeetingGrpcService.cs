using Coordination.Grpc.JointMeeting;
using Coordination.JointMeeting.Persistence;
using Coordination.JointMeeting.Workflow;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;
using static Coordination.JointMeeting.Api.MeetingViews;
using JointMeetingApi = Coordination.Grpc.JointMeeting.JointMeetingService;
using MeetingView = Coordination.Grpc.JointMeeting.Meeting;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.JointMeeting.Api;

public sealed class JointMeetingGrpcService(MeetingQueries queries, MeetingProposals proposals, MeetingActions actions, UnitDirectory units, TimeProvider clock)
    : JointMeetingApi.JointMeetingServiceBase
{
    private static readonly string[] Responses = ["confirm", "decline", "delegate"];

    public override async Task<ListMeetingsResponse> ListMeetings(ListMeetingsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).RequireCaseRole();
        var errors = new FieldErrors();
        var caseId = request.CaseId.Length == 0 ? (Guid?)null : errors.RequireGuid(request.CaseId, "case_id");
        errors.ThrowIfAny();
        var rows = await queries.VisibleAsync(caller, caseId, context.CancellationToken);
        return new ListMeetingsResponse { Meetings = { rows.Select(ToView) } };
    }

    public override async Task<GetMeetingResponse> GetMeeting(GetMeetingRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.MeetingId, "meeting_id", _ => { });
        var meeting = await queries.FindAsync(Caller.From(context).RequireCaseRole(), id, context.CancellationToken) ?? throw new NotFoundException("meeting");
        return new() { Meeting = ToView(meeting) };
    }

    /// <summary>The bureau's own proposal, from one or more cases it knows by id and number.</summary>
    public override async Task<ProposeMeetingResponse> ProposeMeeting(ProposeMeetingRequest request, ServerCallContext context)
    {
        var bureau = Caller.From(context).Require(Roles.Bureau);
        var errors = new FieldErrors();
        var ids = request.CaseIds.Select((c, i) => errors.RequireGuid(c, $"case_ids[{i}]")).ToList();
        errors.Check(ids.Count > 0, "case_ids", "at least one case").Check(request.Reason.Trim().Length is > 0 and <= 200, "reason", "is required").ThrowIfAny();
        return new() { Meeting = ToView(await proposals.ByBureauAsync(ids, request.Reason.Trim(), bureau, context.CancellationToken)) };
    }

    public override async Task<ConveneMeetingResponse> ConveneMeeting(ConveneMeetingRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var parties = await PartiesAsync(errors, request.Parties, context.CancellationToken);
        var id = errors.RequireGuid(request.MeetingId, "meeting_id");
        errors.Check(request.Agenda.Trim().Length is > 0 and <= 2000, "agenda", "is required")
            .Check(request.ScheduledAt is not null, "scheduled_at", "is required")
            .Check(request.Place.Trim().Length is > 0 and <= 200, "place", "is required")
            .Check(DateOnly.TryParseExact(request.AnswerBy, "yyyy-MM-dd", out var answerBy), "answer_by", "must be a date (yyyy-MM-dd)")
            .Check(DateOnly.TryParseExact(request.PositionsBy, "yyyy-MM-dd", out var positionsBy), "positions_by", "must be a date (yyyy-MM-dd)")
            .ThrowIfAny();
        return new() { Meeting = ToView(await actions.ConveneAsync(id, request.Agenda.Trim(), request.ScheduledAt!.ToDateTimeOffset(), request.Place.Trim(),
            parties, answerBy, positionsBy, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<AnswerInvitationResponse> AnswerInvitation(AnswerInvitationRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.MeetingId, "meeting_id", e => e
            .Check(Responses.Contains(request.Response), "response", "must be confirm, decline or delegate")
            .Check(request.Response != "decline" || request.Reason.Trim().Length > 0, "reason", "a decline states its reason")
            .Check(request.Response != "delegate" || request.Delegate.Trim().Length > 0, "delegate", "name the delegate"));
        var answered = await actions.AnswerAsync(id, request.Response, request.Reason, request.Delegate, Caller.From(context), context.CancellationToken);
        return new() { Meeting = ToView(answered) };
    }

    public override async Task<SubmitPositionResponse> SubmitPosition(SubmitPositionRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.MeetingId, "meeting_id", e => e
            .Check(request.Position.Trim().Length is > 0 and <= 8000, "position", "is required")
            .Check(request.HandlingStatus.Trim().Length is > 0 and <= 2000, "handling_status", "is required"));
        var submitted = await actions.SubmitPositionAsync(id, request.Position, request.HandlingStatus, Caller.From(context), context.CancellationToken);
        return new() { Meeting = ToView(submitted) };
    }

    public override async Task<HoldMeetingResponse> HoldMeeting(HoldMeetingRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var lead = await errors.UnitAsync(units, "lead_unit", request.LeadUnit, context.CancellationToken, required: false);
        var attended = await errors.UnitsAsync(units, "attended", request.Attended, context.CancellationToken);
        var id = errors.RequireGuid(request.MeetingId, "meeting_id");
        errors.Check(request.Minutes.Trim().Length is > 0 and <= 8000, "minutes", "are required")
            .Check(request.Resolution.Trim().Length is > 0 and <= 4000, "resolution", "is required").ThrowIfAny();
        return new() { Meeting = ToView(await actions.HoldAsync(id, attended, request.Minutes.Trim(), request.Resolution.Trim(), lead.Length == 0 ? null : lead,
            Caller.From(context), context.CancellationToken)) };
    }

    /// <summary>1 to 50 parties, each a directory unit, by canonical code.</summary>
    private async Task<List<string>> PartiesAsync(FieldErrors errors, IReadOnlyCollection<string> parties, CancellationToken ct)
    {
        errors.Check(parties.Count is > 0 and <= 50, "parties", "1 to 50 party codes");
        return parties.Count <= 50 ? await errors.UnitsAsync(units, "parties", parties, ct) : [];
    }

    public override async Task<EscalateMeetingResponse> EscalateMeeting(EscalateMeetingRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.MeetingId, "meeting_id", e => e.Check(request.Reason.Trim().Length > 0, "reason", "is required"));
        return new() { Meeting = ToView(await actions.EscalateAsync(id, request.Reason.Trim(), Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<IssueActionItemResponse> IssueActionItem(IssueActionItemRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var owner = await errors.UnitAsync(units, "owner", request.Owner, context.CancellationToken);
        var id = errors.RequireGuid(request.MeetingId, "meeting_id");
        errors.Check(request.Task.Trim().Length is > 0 and <= 2000, "task", "is required")
            .Check(DateOnly.TryParseExact(request.DueDate, "yyyy-MM-dd", out var lastDay), "due_date", "must be a date (yyyy-MM-dd)").ThrowIfAny();
        return new() { Meeting = ToView(await actions.IssueAsync(id, owner, request.Task.Trim(), lastDay, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ReplyActionItemResponse> ReplyActionItem(ReplyActionItemRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.ItemId, "item_id", e => e.Check(request.Reply.Trim().Length is > 0 and <= 4000, "reply", "is required"));
        return new() { Meeting = ToView(await actions.ReplyItemAsync(id, request.Reply, request.Evidence, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ReviewActionItemResponse> ReviewActionItem(ReviewActionItemRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.ItemId, "item_id", e => e.Check(request.Accept || request.Reason.Trim().Length > 0, "reason", "sending back states why"));
        return new() { Meeting = ToView(await actions.ReviewItemAsync(id, request.Accept, request.Reason, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<CloseMeetingResponse> CloseMeeting(CloseMeetingRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.MeetingId, "meeting_id", _ => { });
        return new() { Meeting = ToView(await actions.CloseAsync(id, Caller.From(context), context.CancellationToken)) };
    }

    /// <summary>Recurring meetings (e.g. monthly): one proposed-and-convened meeting per occurrence.</summary>
    public override async Task<ScheduleRecurringResponse> ScheduleRecurring(ScheduleRecurringRequest request, ServerCallContext context)
    {
        var bureau = Caller.From(context).Require(Roles.Bureau);
        var errors = new FieldErrors();
        var parties = await PartiesAsync(errors, request.Parties, context.CancellationToken);
        errors
            .Check(request.Agenda.Trim().Length is > 0 and <= 2000, "agenda", "is required")
            .Check(request.FirstAt is not null && request.FirstAt.ToDateTimeOffset() > clock.GetUtcNow(), "first_at", "a time ahead")
            .Check(request.Place.Trim().Length > 0, "place", "is required")
            .Check(request.EveryMonths is >= 1 and <= 12, "every_months", "1 to 12")
            .Check(request.Occurrences is >= 1 and <= 24, "occurrences", "1 to 24").ThrowIfAny();
        var meetings = await actions.ScheduleRecurringAsync(request.Agenda.Trim(), request.FirstAt!.ToDateTimeOffset(), request.EveryMonths, request.Occurrences,
            request.Place.Trim(), parties, bureau, context.CancellationToken);
        return new ScheduleRecurringResponse { Meetings = { meetings.Select(ToView) } };
    }
}
