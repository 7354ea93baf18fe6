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

    public override async Task<ListReferralsResponse> ListReferrals(ListReferralsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Committee, Roles.Bureau, Roles.Institution);
        var errors = new FieldErrors();
        var caseId = request.CaseId.Length == 0 ? (Guid?)null : errors.RequireGuid(request.CaseId, "case_id");
        errors.ThrowIfAny();
        var rows = await queries.VisibleAsync(caller, caseId, context.CancellationToken);
        return new ListReferralsResponse { Referrals = { rows.Select(r => ReferralViews.ToView(r, Now)) } };
    }

    public override async Task<GetBoardResponse> GetBoard(GetBoardRequest request, ServerCallContext context)
    {
        var visible = await queries.VisibleAsync(Caller.From(context).Require(Roles.Committee, Roles.Bureau), null, context.CancellationToken);
        return ReferralViews.ToBoard(visible, request, Now);
    }

    public override async Task<ListInstitutionsResponse> ListInstitutions(ListInstitutionsRequest request, ServerCallContext context)
    {
        Caller.From(context).RequireCaseRole();
        var rows = await queries.InstitutionsAsync(request.Channel, context.CancellationToken);
        return new ListInstitutionsResponse
        {
            Institutions = { rows.Select(i => new Grpc.LegalDiversion.Institution { Code = i.Code, Name = i.Name, Channel = i.Channel, RegionCode = i.RegionCode }) },
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
        var id = FieldErrors.ValidId(request.ReferralId, "referral_id", e => e
            .Check(Decisions.Contains(request.Decision), "decision", "must be filed, accepted or declined")
            .Check(request.Decision != "declined" || !string.IsNullOrWhiteSpace(request.Reasons), "reasons", "a decline states its reasons"));
        return new() { Referral = View(await actions.AcknowledgeAsync(id, request.Decision, request.Reasons, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<PostReferralUpdateResponse> PostReferralUpdate(PostReferralUpdateRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.ReferralId, "referral_id", e => e
            .Check(Updates.Contains(request.Update), "update", "must be hearing_scheduled, decided, mediated or withdrawn")
            .Check(request.Note.Length <= 2000, "note", "at most 2000 characters"));
        return new() { Referral = View(await actions.PostUpdateAsync(id, request.Update, request.Note, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ConcludeReferralResponse> ConcludeReferral(ConcludeReferralRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.ReferralId, "referral_id", e => e
            .Check(ReferralConclusions.All.Contains(request.Conclusion), "conclusion", "must be concluded_in_law or returned_to_petition_track")
            .Check(request.Detail.Trim().Length is > 0 and <= 2000, "detail", "is required"));
        var concluded = await actions.ConcludeAsync(id, request.Conclusion, request.Detail.Trim(), Caller.From(context), context.CancellationToken);
        return new() { Referral = View(concluded) };
    }

    public override async Task<MarkMajorResponse> MarkMajor(MarkMajorRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.ReferralId, "referral_id", e => e.Check(request.Reason.Trim().Length > 0, "reason", "is required"));
        return new() { Referral = View(await actions.MarkMajorAsync(id, request.Reason.Trim(), Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<RequestJointMeetingResponse> RequestJointMeeting(RequestJointMeetingRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.ReferralId, "referral_id", e => e.Check(request.Reason.Trim().Length > 0, "reason", "is required"));
        return new() { Referral = View(await actions.RequestJointMeetingAsync(id, request.Reason.Trim(), Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<IssueSupervisionOrderResponse> IssueSupervisionOrder(IssueSupervisionOrderRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var addressee = await errors.UnitAsync(units, "addressee_code", request.AddresseeCode, context.CancellationToken);
        var id = errors.RequireGuid(request.ReferralId, "referral_id");
        errors.Check(request.Content.Trim().Length is > 0 and <= 2000, "content", "is required")
            .Check(DateOnly.TryParseExact(request.DueDate, "yyyy-MM-dd", out var lastDay), "due_date", "must be a date (yyyy-MM-dd)").ThrowIfAny();
        return new() { Order = View(await actions.IssueOrderAsync(id, addressee, request.Content, lastDay, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ReplySupervisionOrderResponse> ReplySupervisionOrder(ReplySupervisionOrderRequest request, ServerCallContext context)
    {
        var id = FieldErrors.ValidId(request.OrderId, "order_id", e => e.Check(request.Reply.Trim().Length is > 0 and <= 2000, "reply", "is required"));
        return new() { Order = View(await actions.ReplyOrderAsync(id, request.Reply, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<ListSupervisionOrdersResponse> ListSupervisionOrders(ListSupervisionOrdersRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Committee, Roles.Bureau, Roles.Institution, Roles.Department);
        var referralId = FieldErrors.ValidId(request.ReferralId, "referral_id", _ => { });
        var visible = await queries.OrdersAsync(caller, referralId, context.CancellationToken);
        var escalated = await queries.EscalatedAsync(visible.Select(o => o.Id), context.CancellationToken);
        return new ListSupervisionOrdersResponse { Orders = { visible.Select(o => ReferralViews.ToView(o, escalated.Contains(o.Id), Now)) } };
    }

    public override async Task<RecordLegalAdviceResponse> RecordLegalAdvice(RecordLegalAdviceRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk, Roles.Bureau, Roles.Committee);
        var caseId = FieldErrors.ValidId(request.CaseId, "case_id", e => e
            .Check(request.Lawyer.Trim().Length is > 0 and <= 64, "lawyer", "is required")
            .Check(request.Firm.Trim().Length is > 0 and <= 100, "firm", "is required")
            .Check(request.Advice.Trim().Length is > 0 and <= 4000, "advice", "is required"));
        var record = await advice.RecordAsync(caseId, request.Lawyer.Trim(), request.Firm.Trim(), request.Advice.Trim(), caller, context.CancellationToken);
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
