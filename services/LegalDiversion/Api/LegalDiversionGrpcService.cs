using Coordination.Contracts;
using Coordination.Contracts.LegalDiversion;
using Coordination.Grpc.LegalDiversion;
using Coordination.LegalDiversion.Domain;
using Coordination.LegalDiversion.Persistence;
using Coordination.LegalDiversion.Workflow;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ReferralView = Coordination.Grpc.LegalDiversion.Referral;
using SupervisionOrderView = Coordination.Grpc.LegalDiversion.SupervisionOrder;
using LegalDiversionApi = Coordination.Grpc.LegalDiversion.LegalDiversionService;

namespace Coordination.LegalDiversion.Api;

public sealed class LegalDiversionGrpcService(ReferralQueries queries, ReferralActions actions, LegalAdviceActions advice, UnitDirectory units, TimeProvider clock)
    : LegalDiversionApi.LegalDiversionServiceBase
{
    private static readonly string[] Decisions = ["filed", "accepted", "declined"];
    private static readonly string[] Updates = ["hearing_scheduled", "decided", "mediated", "withdrawn"];

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Without page_size, the 500 each returned before paging.</summary>
    private static readonly PageTokens ReferralPages = new("legal.ListReferrals", PagePart.Time, PagePart.Id) { DefaultSize = PageTokens.MaxSize };
    private static readonly PageTokens InstitutionPages = new("legal.ListInstitutions", PagePart.Text) { DefaultSize = PageTokens.MaxSize };
    private static readonly PageTokens OrderPages = new("legal.ListSupervisionOrders", PagePart.Time, PagePart.Id) { DefaultSize = PageTokens.MaxSize };

    public override async Task<ListReferralsResponse> ListReferrals(ListReferralsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Committee, Roles.Bureau, Roles.Institution);
        var errors = new FieldErrors();
        var caseId = request.CaseId.Length == 0 ? (Guid?)null : errors.RequireGuid(request.CaseId, "case_id");
        var page = ReferralPages.Read(errors, request.PageSize, request.PageToken, query: request.CaseId);
        errors.ThrowIfAny();
        var rows = await queries.VisibleAsync(caller, caseId, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = ReferralPages.Page(rows, page, r => PageKey.Of(r.OpenedAt, r.Id));
        return new ListReferralsResponse { Referrals = { items.Select(r => ReferralViews.ToView(r, Now)) }, NextPageToken = next };
    }

    public override async Task<GetBoardResponse> GetBoard(GetBoardRequest request, ServerCallContext context)
    {
        var visible = await queries.VisibleAsync(Caller.From(context).Require(Roles.Committee, Roles.Bureau), null, context.CancellationToken);
        return ReferralViews.ToBoard(visible, request, Now);
    }

    public override async Task<ListInstitutionsResponse> ListInstitutions(ListInstitutionsRequest request, ServerCallContext context)
    {
        Caller.From(context).RequireCaseRole();
        var errors = new FieldErrors();
        var page = InstitutionPages.Read(errors, request.PageSize, request.PageToken, query: request.Channel);
        errors.ThrowIfAny();
        var rows = await queries.InstitutionsAsync(request.Channel, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = InstitutionPages.Page(rows, page, i => PageKey.Of(i.Code));
        return new ListInstitutionsResponse
        {
            Institutions = { items.Select(i => new Grpc.LegalDiversion.Institution { Code = i.Code, Name = i.Name, Channel = i.Channel, RegionCode = i.RegionCode }) },
            NextPageToken = next,
        };
    }

    public override async Task<ReferCaseResponse> ReferCase(ReferCaseRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var institution = await errors.UnitAsync(units, "institution_code", request.InstitutionCode, context.CancellationToken,
            kinds: UnitFields.LegalInstitutions, kindsDescription: "a legal institution (ListInstitutions)");
        var id = errors.RequireGuid(request.ReferralId, "referral_id");
        errors.Check(Channels.All.Contains(request.Channel), "channel", "must be one of " + string.Join(", ", Channels.All)).ThrowIfAny();
        return new() { Referral = View(await actions.ReferAsync(id, request.Channel, institution, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<AcknowledgeReferralResponse> AcknowledgeReferral(AcknowledgeReferralRequest request, ServerCallContext context)
    {
        var reasons = "";
        var id = FieldErrors.ValidId(request.ReferralId, "referral_id", e =>
        {
            reasons = e.Text(request.Reasons, "reasons", FieldLimits.ReferralDeclineReasons, required: false);
            e.Check(Decisions.Contains(request.Decision), "decision", "must be filed, accepted or declined")
                .Check(request.Decision != "declined" || reasons.Length > 0, "reasons", "a decline states its reasons");
        });
        return new() { Referral = View(await actions.AcknowledgeAsync(id, request.Decision, reasons, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<PostReferralUpdateResponse> PostReferralUpdate(PostReferralUpdateRequest request, ServerCallContext context)
    {
        var note = "";
        var id = FieldErrors.ValidId(request.ReferralId, "referral_id", e =>
        {
            e.Check(Updates.Contains(request.Update), "update", "must be hearing_scheduled, decided, mediated or withdrawn");
            note = e.Text(request.Note, "note", FieldLimits.ReferralNote, required: false);
        });
        return new() { Referral = View(await actions.PostUpdateAsync(id, request.Update, note, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ConcludeReferralResponse> ConcludeReferral(ConcludeReferralRequest request, ServerCallContext context)
    {
        var detail = "";
        var id = FieldErrors.ValidId(request.ReferralId, "referral_id", e =>
        {
            e.Check(ReferralConclusions.All.Contains(request.Conclusion), "conclusion", "must be concluded_in_law or returned_to_petition_track");
            detail = e.Text(request.Detail, "detail", FieldLimits.ReferralConclusionDetail);
        });
        var concluded = await actions.ConcludeAsync(id, request.Conclusion, detail, Caller.From(context), context.CancellationToken);
        return new() { Referral = View(concluded) };
    }

    public override async Task<MarkMajorResponse> MarkMajor(MarkMajorRequest request, ServerCallContext context)
    {
        var reason = "";
        var id = FieldErrors.ValidId(request.ReferralId, "referral_id", e => reason = e.Text(request.Reason, "reason", FieldLimits.MajorCaseReason));
        return new() { Referral = View(await actions.MarkMajorAsync(id, reason, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<RequestJointMeetingResponse> RequestJointMeeting(RequestJointMeetingRequest request, ServerCallContext context)
    {
        // The reason travels to JointMeeting, whose column holds FieldLimits.MeetingReason of the committee's words.
        var reason = "";
        var id = FieldErrors.ValidId(request.ReferralId, "referral_id", e => reason = e.Text(request.Reason, "reason", FieldLimits.MeetingReason));
        return new() { Referral = View(await actions.RequestJointMeetingAsync(id, reason, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<IssueSupervisionOrderResponse> IssueSupervisionOrder(IssueSupervisionOrderRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var addressee = await errors.UnitAsync(units, "addressee_code", request.AddresseeCode, context.CancellationToken);
        var id = errors.RequireGuid(request.ReferralId, "referral_id");
        var content = errors.Text(request.Content, "content", FieldLimits.SupervisionContent);
        errors.Check(DateOnly.TryParseExact(request.DueDate, "yyyy-MM-dd", out var lastDay), "due_date", "must be a date (yyyy-MM-dd)").ThrowIfAny();
        return new() { Order = View(await actions.IssueOrderAsync(id, addressee, content, lastDay, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ReplySupervisionOrderResponse> ReplySupervisionOrder(ReplySupervisionOrderRequest request, ServerCallContext context)
    {
        var reply = "";
        var id = FieldErrors.ValidId(request.OrderId, "order_id", e => reply = e.Text(request.Reply, "reply", FieldLimits.SupervisionReply));
        return new() { Order = View(await actions.ReplyOrderAsync(id, reply, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ListSupervisionOrdersResponse> ListSupervisionOrders(ListSupervisionOrdersRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Committee, Roles.Bureau, Roles.Institution, Roles.Department);
        var errors = new FieldErrors();
        var referralId = errors.RequireGuid(request.ReferralId, "referral_id");
        var page = OrderPages.Read(errors, request.PageSize, request.PageToken, query: request.ReferralId);
        errors.ThrowIfAny();
        var rows = await queries.OrdersAsync(caller, referralId, page.After, page.Fetch, context.CancellationToken);
        var (visible, next) = OrderPages.Page(rows, page, o => PageKey.Of(o.DueAt, o.Id));
        var escalated = await queries.EscalatedAsync(visible.Select(o => o.Id), context.CancellationToken);
        return new ListSupervisionOrdersResponse { Orders = { visible.Select(o => ReferralViews.ToView(o, escalated.Contains(o.Id), Now)) }, NextPageToken = next };
    }

    public override async Task<RecordLegalAdviceResponse> RecordLegalAdvice(RecordLegalAdviceRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk, Roles.Bureau, Roles.Committee);
        string lawyer = "", firm = "", text = "";
        var caseId = FieldErrors.ValidId(request.CaseId, "case_id", e =>
        {
            lawyer = e.Text(request.Lawyer, "lawyer", FieldLimits.Lawyer);
            firm = e.Text(request.Firm, "firm", FieldLimits.LawFirm);
            text = e.Text(request.Advice, "advice", FieldLimits.LegalAdvice);
        });
        var record = await advice.RecordAsync(caseId, lawyer, firm, text, caller, context.CancellationToken);
        return new RecordLegalAdviceResponse
        {
            LegalAdvice = new LegalAdvice
            {
                AdviceId = record.Id.ToString(), CaseId = caseId.ToString(), Lawyer = record.Lawyer, Firm = record.Firm, Advice = record.Advice,
                GivenAt = Timestamp.FromDateTimeOffset(record.GivenAt),
            },
        };
    }

    private ReferralView View(Domain.Referral r) => ReferralViews.ToView(r, Now);

    private SupervisionOrderView View(Domain.SupervisionOrder o) => ReferralViews.ToView(o, escalated: false, Now);
}
