using Coordination.ServiceDefaults.Attachments;
using Coordination.Contracts;
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

public sealed class JointMeetingGrpcService(MeetingQueries queries, MeetingProposals proposals, MeetingActions actions, UnitDirectory units, TimeProvider clock,
    IAttachmentStore files)
    : JointMeetingApi.JointMeetingServiceBase
{
    private static readonly string[] Responses = ["confirm", "decline", "delegate"];
    private const int MaxParties = 50;
    private const int MaxCases = 50;

    /// <summary>Without page_size, the 200 it returned before paging.</summary>
    private static readonly PageTokens MeetingPages = new("jointmeeting.ListMeetings", PagePart.Time, PagePart.Id) { DefaultSize = 200 };

    public override async Task<ListMeetingsResponse> ListMeetings(ListMeetingsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).RequireCaseRole();
        var errors = new FieldErrors();
        var caseId = request.CaseId.Length == 0 ? (Guid?)null : errors.RequireGuid(request.CaseId, "case_id");
        var page = MeetingPages.Read(errors, request.PageSize, request.PageToken, query: request.CaseId);
        errors.ThrowIfAny();
        var rows = await queries.VisibleAsync(caller, caseId, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = MeetingPages.Page(rows, page, m => PageKey.Of(m.ProposedAt, m.Id));
        return new ListMeetingsResponse { Meetings = { items.Select(ToView) }, NextPageToken = next };
    }

    private static readonly PageTokens AttachmentPages = new("jointmeeting.ListMeetingAttachments", PagePart.Time, PagePart.Id);

    /// <summary>Read whole and checked before the role and the meeting (AttachmentUpload): a bad file changes nothing.</summary>
    public override async Task<UploadMeetingMinutesResponse> UploadMeetingMinutes(IAsyncStreamReader<UploadMeetingMinutesRequest> requestStream,
        ServerCallContext context)
    {
        var file = await AttachmentUpload.ReadAsync(requestStream, r => r.Header,
            r => r.PartCase == UploadMeetingMinutesRequest.PartOneofCase.Chunk ? r.Chunk : null, context.CancellationToken);
        return new() { Attachment = AttachmentDownload.View(await actions.AttachMinutesAsync(file, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<UploadActionItemProofResponse> UploadActionItemProof(IAsyncStreamReader<UploadActionItemProofRequest> requestStream,
        ServerCallContext context)
    {
        var file = await AttachmentUpload.ReadAsync(requestStream, r => r.Header,
            r => r.PartCase == UploadActionItemProofRequest.PartOneofCase.Chunk ? r.Chunk : null, context.CancellationToken);
        return new() { Attachment = AttachmentDownload.View(await actions.AttachItemProofAsync(file, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ListMeetingAttachmentsResponse> ListMeetingAttachments(ListMeetingAttachmentsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).RequireCaseRole();
        var errors = new FieldErrors();
        var id = errors.RequireGuid(request.MeetingId, "meeting_id");
        var page = AttachmentPages.Read(errors, request.PageSize, request.PageToken, query: request.MeetingId);
        errors.ThrowIfAny();
        var meeting = await queries.FindAsync(caller, id, context.CancellationToken) ?? throw new NotFoundException("meeting");
        var rows = await queries.AttachmentsAsync(meeting, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = AttachmentPages.Page(rows, page, a => PageKey.Of(a.UploadedAt, a.Id));
        return new ListMeetingAttachmentsResponse { Attachments = { items.Select(AttachmentDownload.View) }, NextPageToken = next };
    }

    /// <summary>A file of a meeting the caller may see (the bureau in jurisdiction, an invited party), else NotFound.</summary>
    public override async Task DownloadMeetingAttachment(DownloadMeetingAttachmentRequest request,
        IServerStreamWriter<DownloadMeetingAttachmentResponse> responseStream, ServerCallContext context)
    {
        var caller = Caller.From(context).RequireCaseRole();
        var id = FieldErrors.ValidId(request.AttachmentId, "attachment_id");
        var attachment = await queries.AttachmentAsync(id, context.CancellationToken) ?? throw new NotFoundException("attachment");
        _ = await queries.OfSubjectAsync(caller, attachment.SubjectId, context.CancellationToken) ?? throw new NotFoundException("attachment");
        var bytes = await files.ReadAsync(id, context.CancellationToken) ?? throw new NotFoundException("attachment");
        await AttachmentDownload.WriteAsync(responseStream, attachment, bytes, a => new DownloadMeetingAttachmentResponse { Attachment = a },
            b => new DownloadMeetingAttachmentResponse { Chunk = b }, context.CancellationToken);
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
        errors.Entries(request.CaseIds, "case_ids", MaxCases, min: 1);
        var reason = errors.Text(request.Reason, "reason", FieldLimits.MeetingReason);
        errors.ThrowIfAny();
        return new() { Meeting = ToView(await proposals.ByBureauAsync(ids, reason, bureau, context.CancellationToken)) };
    }

    public override async Task<ConveneMeetingResponse> ConveneMeeting(ConveneMeetingRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var parties = await PartiesAsync(errors, request.Parties, context.CancellationToken);
        var id = errors.RequireGuid(request.MeetingId, "meeting_id");
        var agenda = errors.Text(request.Agenda, "agenda", FieldLimits.MeetingAgenda);
        var place = errors.Text(request.Place, "place", FieldLimits.MeetingPlace);
        errors.Check(request.ScheduledAt is not null, "scheduled_at", "is required")
            .Check(DateOnly.TryParseExact(request.AnswerBy, "yyyy-MM-dd", out var answerBy), "answer_by", "must be a date (yyyy-MM-dd)")
            .Check(DateOnly.TryParseExact(request.PositionsBy, "yyyy-MM-dd", out var positionsBy), "positions_by", "must be a date (yyyy-MM-dd)")
            .ThrowIfAny();
        return new() { Meeting = ToView(await actions.ConveneAsync(id, agenda, request.ScheduledAt!.ToDateTimeOffset(), place,
            parties, answerBy, positionsBy, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<AnswerInvitationResponse> AnswerInvitation(AnswerInvitationRequest request, ServerCallContext context)
    {
        string reason = "", delegated = "";
        var id = FieldErrors.ValidId(request.MeetingId, "meeting_id", e =>
        {
            e.Check(Responses.Contains(request.Response), "response", "must be confirm, decline or delegate");
            reason = e.Text(request.Reason, "reason", FieldLimits.MeetingDeclineReason, required: false);
            delegated = e.Text(request.Delegate, "delegate", FieldLimits.MeetingDelegate, required: false);
            e.Check(request.Response != "decline" || reason.Length > 0, "reason", "a decline states its reason")
                .Check(request.Response != "delegate" || delegated.Length > 0, "delegate", "name the delegate");
        });
        var answered = await actions.AnswerAsync(id, request.Response, reason, delegated, Caller.From(context), context.CancellationToken);
        return new() { Meeting = ToView(answered) };
    }

    public override async Task<SubmitPositionResponse> SubmitPosition(SubmitPositionRequest request, ServerCallContext context)
    {
        string position = "", handling = "";
        var id = FieldErrors.ValidId(request.MeetingId, "meeting_id", e =>
        {
            position = e.Text(request.Position, "position", FieldLimits.MeetingPosition);
            handling = e.Text(request.HandlingStatus, "handling_status", FieldLimits.MeetingHandlingStatus);
        });
        var submitted = await actions.SubmitPositionAsync(id, position, handling, Caller.From(context), context.CancellationToken);
        return new() { Meeting = ToView(submitted) };
    }

    public override async Task<HoldMeetingResponse> HoldMeeting(HoldMeetingRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var lead = await errors.UnitAsync(units, "lead_unit", request.LeadUnit, context.CancellationToken, required: false);
        errors.Entries(request.Attended, "attended", MaxParties);
        var attended = request.Attended.Count <= MaxParties ? await errors.UnitsAsync(units, "attended", request.Attended, context.CancellationToken) : [];
        var id = errors.RequireGuid(request.MeetingId, "meeting_id");
        var minutes = errors.Text(request.Minutes, "minutes", FieldLimits.MeetingMinutes);
        var resolution = errors.Text(request.Resolution, "resolution", FieldLimits.MeetingResolution);
        errors.ThrowIfAny();
        return new() { Meeting = ToView(await actions.HoldAsync(id, attended, minutes, resolution, lead.Length == 0 ? null : lead,
            Caller.From(context), context.CancellationToken)) };
    }

    /// <summary>1 to 50 parties, each a directory unit, by canonical code.</summary>
    private async Task<List<string>> PartiesAsync(FieldErrors errors, IReadOnlyCollection<string> parties, CancellationToken ct)
    {
        errors.Entries(parties, "parties", MaxParties, min: 1);
        return parties.Count <= MaxParties ? await errors.UnitsAsync(units, "parties", parties, ct) : [];
    }

    public override async Task<EscalateMeetingResponse> EscalateMeeting(EscalateMeetingRequest request, ServerCallContext context)
    {
        var reason = "";
        var id = FieldErrors.ValidId(request.MeetingId, "meeting_id", e => reason = e.Text(request.Reason, "reason", FieldLimits.MeetingEscalationReason));
        return new() { Meeting = ToView(await actions.EscalateAsync(id, reason, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<IssueActionItemResponse> IssueActionItem(IssueActionItemRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var owner = await errors.UnitAsync(units, "owner", request.Owner, context.CancellationToken);
        var id = errors.RequireGuid(request.MeetingId, "meeting_id");
        var task = errors.Text(request.Task, "task", FieldLimits.ActionItemTask);
        errors.Check(DateOnly.TryParseExact(request.DueDate, "yyyy-MM-dd", out var lastDay), "due_date", "must be a date (yyyy-MM-dd)").ThrowIfAny();
        return new() { Meeting = ToView(await actions.IssueAsync(id, owner, task, lastDay, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ReplyActionItemResponse> ReplyActionItem(ReplyActionItemRequest request, ServerCallContext context)
    {
        string reply = "", evidence = "";
        var id = FieldErrors.ValidId(request.ItemId, "item_id", e =>
        {
            reply = e.Text(request.Reply, "reply", FieldLimits.ActionItemReply);
            evidence = e.Text(request.Evidence, "evidence", FieldLimits.ActionItemEvidence, required: false);
        });
        return new() { Meeting = ToView(await actions.ReplyItemAsync(id, reply, evidence, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ReviewActionItemResponse> ReviewActionItem(ReviewActionItemRequest request, ServerCallContext context)
    {
        var reason = "";
        var id = FieldErrors.ValidId(request.ItemId, "item_id", e =>
        {
            reason = e.Text(request.Reason, "reason", FieldLimits.ActionItemSendBackReason, required: false);
            e.Check(request.Accept || reason.Length > 0, "reason", "sending back states why");
        });
        return new() { Meeting = ToView(await actions.ReviewItemAsync(id, request.Accept, reason, Caller.From(context), context.CancellationToken)) };
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
        var agenda = errors.Text(request.Agenda, "agenda", FieldLimits.MeetingAgenda);
        var place = errors.Text(request.Place, "place", FieldLimits.MeetingPlace);
        errors
            .Check(request.FirstAt is not null && request.FirstAt.ToDateTimeOffset() > clock.GetUtcNow(), "first_at", "a time ahead")
            .Check(request.EveryMonths is >= 1 and <= 12, "every_months", "1 to 12")
            .Check(request.Occurrences is >= 1 and <= 24, "occurrences", "1 to 24").ThrowIfAny();
        var meetings = await actions.ScheduleRecurringAsync(agenda, request.FirstAt!.ToDateTimeOffset(), request.EveryMonths, request.Occurrences,
            place, parties, bureau, context.CancellationToken);
        return new ScheduleRecurringResponse { Meetings = { meetings.Select(ToView) } };
    }
}
