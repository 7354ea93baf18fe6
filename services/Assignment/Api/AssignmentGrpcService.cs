using Coordination.ServiceDefaults.Attachments;
using Coordination.Contracts;
using Coordination.Contracts.Assignment;
using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Assignment.Workflow;
using Coordination.Grpc.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Grpc;
using Grpc.Core;
using static Coordination.Assignment.Api.AssignmentViews;
using AssignmentApi = Coordination.Grpc.Assignment.AssignmentService;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Assignment.Api;

public sealed partial class AssignmentGrpcService(AssignmentQueries queries, UnitActions unit, BureauActions bureau, ReviewActions review, UnitDirectory units,
    RuleSetActions ruleSets, ServiceDefaults.Calendar.WorkingCalendarCache calendars, TimeProvider clock, IAttachmentStore files)
    : AssignmentApi.AssignmentServiceBase
{
    private static readonly PageTokens AssignmentPages = new("assignment.ListAssignments", PagePart.Time, PagePart.Id);
    private static readonly PageTokens DeadlinePages = new("assignment.ListDeadlines", PagePart.Time, PagePart.Id) { DefaultSize = PageTokens.MaxSize };

    public override async Task<ListAssignmentsResponse> ListAssignments(ListAssignmentsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Department);
        var errors = new FieldErrors();
        var page = AssignmentPages.Read(errors, request.PageSize, request.PageToken, query: $"{request.PendingOnly}");
        errors.ThrowIfAny();
        var rows = await queries.OfUnitAsync(caller.Unit, request.PendingOnly, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = AssignmentPages.Page(rows, page, r => PageKey.Of(r.Assignment.AssignedAt, r.Assignment.Id));
        return new ListAssignmentsResponse { Assignments = { items.Select(r => ToView(r.Assignment, r.CaseNumber)) }, NextPageToken = next };
    }

    public override async Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context) =>
        new() { Case = await VisibleCaseAsync(request.CaseId, context) };

    private async Task<CaseView> VisibleCaseAsync(string requestedCaseId, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Department, Roles.Leader, Roles.Clerk);
        var caseId = Id(requestedCaseId, "case_id");
        var c = await queries.CaseAsync(caseId, context.CancellationToken);
        if (c is null || !CaseUnitOfWork.Visible(c, caller)) throw new NotFoundException("case");
        return ToView(c, caller.Is(Roles.Department) ? c.HeldBy(caller.Unit) : c.Assignments);
    }

    /// <summary>Same visibility as the case; a department sees only the limits of the hand-overs it holds.</summary>
    public override async Task<ListDeadlinesResponse> ListDeadlines(ListDeadlinesRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var page = DeadlinePages.Read(errors, request.PageSize, request.PageToken, query: request.CaseId);
        errors.ThrowIfAny();
        var view = await VisibleCaseAsync(request.CaseId, context);
        var caseId = Guid.Parse(view.CaseId);
        var held = Caller.From(context).Is(Roles.Department) ? view.Assignments.Select(a => Guid.Parse(a.AssignmentId)).ToList() : null;
        var rows = await queries.DeadlinesAsync(caseId, held, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = DeadlinePages.Page(rows, page, d => PageKey.Of(d.StartedAt, d.Id));
        return new ListDeadlinesResponse { Deadlines = { items.Select(ToView) }, NextPageToken = next };
    }

    private static readonly PageTokens AttachmentPages = new("assignment.ListAttachments", PagePart.Time, PagePart.Id);

    /// <summary>Read whole and checked before the role and the hand-over: a bad file changes nothing.</summary>
    public override async Task<UploadReplyEvidenceResponse> UploadReplyEvidence(IAsyncStreamReader<UploadReplyEvidenceRequest> requestStream,
        ServerCallContext context)
    {
        var file = await AttachmentUpload.ReadAsync(requestStream, r => r.Header, r => r.PartCase == UploadReplyEvidenceRequest.PartOneofCase.Chunk ? r.Chunk : null,
            context.CancellationToken);
        var caller = Caller.From(context).Require(Roles.Department); // after reading: see AttachmentUpload
        return new() { Attachment = AttachmentDownload.View(await unit.AttachReplyEvidenceAsync(file, caller, context.CancellationToken)) };
    }

    /// <summary>Same visibility as the case; a department sees only the files of the hand-overs it holds.</summary>
    public override async Task<ListAttachmentsResponse> ListAttachments(ListAttachmentsRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var page = AttachmentPages.Read(errors, request.PageSize, request.PageToken, query: request.CaseId);
        errors.ThrowIfAny();
        var view = await VisibleCaseAsync(request.CaseId, context);
        var held = Caller.From(context).Is(Roles.Department) ? view.Assignments.Select(a => Guid.Parse(a.AssignmentId)).ToList() : null;
        var rows = await queries.AttachmentsAsync(Guid.Parse(view.CaseId), held, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = AttachmentPages.Page(rows, page, x => PageKey.Of(x.UploadedAt, x.Id));
        return new ListAttachmentsResponse { Attachments = { items.Select(AttachmentDownload.View) }, NextPageToken = next };
    }

    /// <summary>A file of a case the caller may see (GetCase's rule; a department: of a hand-over it holds), else NotFound.</summary>
    public override async Task DownloadAttachment(DownloadAttachmentRequest request, IServerStreamWriter<DownloadAttachmentResponse> responseStream,
        ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Department, Roles.Leader, Roles.Clerk);
        var id = Id(request.AttachmentId, "attachment_id");
        var attachment = await queries.AttachmentAsync(id, context.CancellationToken) ?? throw new NotFoundException("attachment");
        var c = await queries.CaseAsync(attachment.CaseId, context.CancellationToken);
        if (c is null || !CaseUnitOfWork.Visible(c, caller)
            || (caller.Is(Roles.Department) && !c.HeldBy(caller.Unit).Any(a => a.Id == attachment.SubjectId)))
            throw new NotFoundException("attachment");
        var bytes = await files.ReadAsync(id, context.CancellationToken) ?? throw new NotFoundException("attachment");
        await AttachmentDownload.WriteAsync(responseStream, attachment, bytes, a => new DownloadAttachmentResponse { Attachment = a },
            b => new DownloadAttachmentResponse { Chunk = b }, context.CancellationToken);
    }

    public override async Task<AcknowledgeAssignmentResponse> AcknowledgeAssignment(AcknowledgeAssignmentRequest request, ServerCallContext context) =>
        new() { Assignment = await View(unit.AcknowledgeAsync(Id(request.AssignmentId, "assignment_id"), Caller.From(context), context.CancellationToken)) };

    public override async Task<NotifyAcceptanceResponse> NotifyAcceptance(NotifyAcceptanceRequest request, ServerCallContext context) =>
        new() { Assignment = await View(unit.NotifyAcceptedAsync(Id(request.AssignmentId, "assignment_id"), Caller.From(context), context.CancellationToken)) };

    public override async Task<RequestReturnResponse> RequestReturn(RequestReturnRequest request, ServerCallContext context)
    {
        var reasons = "";
        var id = Validate(request.AssignmentId, e => reasons = e.Text(request.Reasons, "reasons", FieldLimits.ReturnReasons));
        return new() { Assignment = await View(unit.RequestReturnAsync(id, reasons, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<RequestExtensionResponse> RequestExtension(RequestExtensionRequest request, ServerCallContext context)
    {
        var reason = "";
        var id = Validate(request.AssignmentId, e =>
        {
            e.Check(request.Days > 0, "days", "must be a positive number of days");
            reason = e.Text(request.Reason, "reason", FieldLimits.ExtensionReason);
        });
        return new() { Assignment = await View(unit.RequestExtensionAsync(id, request.Days, reason, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<SubmitReportResponse> SubmitReport(SubmitReportRequest request, ServerCallContext context)
    {
        var answer = "";
        var id = Validate(request.AssignmentId, e =>
        {
            e.Check(ReportOutcomes.All.Contains(request.Outcome), "outcome", "must be resolved, explained or not_supported");
            answer = e.Text(request.Answer, "answer", FieldLimits.ReportAnswer);
        });
        return new() { Assignment = await View(unit.SubmitReportAsync(id, request.Outcome, answer, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<SignOffReportResponse> SignOffReport(SignOffReportRequest request, ServerCallContext context)
    {
        // The signed-in leader of the assignment's unit signs (§10); leader_name is no longer read.
        var id = Id(request.AssignmentId, "assignment_id");
        return new() { Assignment = await View(unit.SignOffAsync(id, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<RouteCaseResponse> RouteCase(RouteCaseRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var caseId = errors.RequireGuid(request.CaseId, "case_id");
        var unitCode = await errors.UnitAsync(units, "unit_code", request.UnitCode, context.CancellationToken);
        errors.Check(request.Kind is AssignmentKinds.Assignment or AssignmentKinds.Transfer, "kind", "must be assignment or transfer").ThrowIfAny();
        return new() { Case = await CaseViewOf(bureau.RouteAsync(caseId, unitCode, request.Kind, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<DecideReturnResponse> DecideReturn(DecideReturnRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.RequireGuid(request.AssignmentId, "assignment_id");
        var reason = errors.Text(request.Reason, "reason", FieldLimits.DecisionReason);
        var newUnit = await errors.UnitAsync(units, "new_unit_code", request.NewUnitCode, context.CancellationToken, required: false);
        errors.ThrowIfAny();
        return new() { Assignment = await View(bureau.DecideReturnAsync(id, request.Approve, reason, newUnit.Length == 0 ? null : newUnit,
            Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<DecideExtensionResponse> DecideExtension(DecideExtensionRequest request, ServerCallContext context)
    {
        var reason = "";
        var id = Validate(request.AssignmentId, e =>
        {
            reason = e.Text(request.Reason, "reason", FieldLimits.DecisionReason, required: false);
            e.Check(request.Approve || reason.Length > 0, "reason", "a refusal states its reason");
        });
        return new() { Assignment = await View(bureau.DecideExtensionAsync(id, request.Approve, reason, Caller.From(context),
            context.CancellationToken)) };
    }

    public override async Task<ReviewReportResponse> ReviewReport(ReviewReportRequest request, ServerCallContext context)
    {
        var reasons = "";
        var id = Validate(request.AssignmentId, e =>
        {
            reasons = e.Text(request.Reasons, "reasons", FieldLimits.SendBackReasons, required: false);
            e.Check(request.Approve || reasons.Length > 0, "reasons", "sending a report back for re-handling states the reasons (§10)");
        });
        return new() { Assignment = await View(bureau.ReviewReportAsync(id, request.Approve, reasons, Caller.From(context),
            context.CancellationToken)) };
    }

    public override async Task<SendReplyResponse> SendReply(SendReplyRequest request, ServerCallContext context) =>
        new() { Case = await CaseViewOf(bureau.SendReplyAsync(Id(request.CaseId, "case_id"), Caller.From(context), context.CancellationToken)) };

    public override async Task<AssignResponsibilityResponse> AssignResponsibility(AssignResponsibilityRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var caseId = errors.RequireGuid(request.CaseId, "case_id");
        var responsibleUnit = await errors.UnitAsync(units, "unit", request.Unit, context.CancellationToken);
        // §9: a responsible group, leader and person, each named.
        var group = errors.Text(request.Group, "group", FieldLimits.ResponsibleName);
        var leader = errors.Text(request.Leader, "leader", FieldLimits.ResponsibleName);
        var person = errors.Text(request.Person, "person", FieldLimits.ResponsibleName);
        errors.ThrowIfAny();
        return new() { Case = await CaseViewOf(bureau.AssignResponsibilityAsync(caseId, responsibleUnit, group, leader, person, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<RateReplyResponse> RateReply(RateReplyRequest request, ServerCallContext context)
    {
        string? reason = null;
        var caseId = ValidateCase(request.CaseId, e =>
        {
            e.Check(ReviewActions.Ratings.Contains(request.Rating), "rating", "must be satisfied, basically_satisfied or dissatisfied");
            reason = e.Text(request.Reason, "reason", FieldLimits.RatingReason, required: false);
        });
        return new() { Case = await CaseViewOf(review.RateAsync(caseId, request.Rating, reason, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<RequestReviewResponse> RequestReview(RequestReviewRequest request, ServerCallContext context)
    {
        var reasons = "";
        var caseId = ValidateCase(request.CaseId, e => reasons = e.Text(request.Reasons, "reasons", FieldLimits.ReviewReasons));
        return new() { Case = await CaseViewOf(review.RequestReviewAsync(caseId, reasons, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<DecideReviewResponse> DecideReview(DecideReviewRequest request, ServerCallContext context)
    {
        var answer = "";
        var caseId = ValidateCase(request.CaseId, e =>
        {
            e.Check(ReviewActions.Decisions.Contains(request.Decision), "decision", "must be upheld, changed or revoked");
            answer = e.Text(request.Answer, "answer", FieldLimits.ReviewAnswer);
        });
        return new() { Case = await CaseViewOf(review.DecideReviewAsync(caseId, request.Decision, answer, Caller.From(context),
            context.CancellationToken)) };
    }

    public override async Task<StartHearingResponse> StartHearing(StartHearingRequest request, ServerCallContext context) =>
        new() { Case = await CaseViewOf(review.HearingAsync(Id(request.CaseId, "case_id"), start: true, Caller.From(context), context.CancellationToken)) };

    public override async Task<EndHearingResponse> EndHearing(EndHearingRequest request, ServerCallContext context) =>
        new() { Case = await CaseViewOf(review.HearingAsync(Id(request.CaseId, "case_id"), start: false, Caller.From(context), context.CancellationToken)) };

    private static Guid Id(string value, string field) => FieldErrors.ValidId(value, field);
    private static Guid Validate(string assignmentId, Action<FieldErrors> more) => FieldErrors.ValidId(assignmentId, "assignment_id", more);
    private static Guid ValidateCase(string caseId, Action<FieldErrors> more) => FieldErrors.ValidId(caseId, "case_id", more);

    private async Task<AssignmentView> View(Task<Domain.Assignment> action)
    {
        var a = await action;
        return ToView(a, await queries.CaseNumberAsync(a.CaseId, CancellationToken.None));
    }

    private static async Task<CaseView> CaseViewOf(Task<HandlingCase> action)
    {
        var c = await action;
        return ToView(c, c.Assignments);
    }
}
