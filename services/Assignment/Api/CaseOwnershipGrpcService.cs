using Coordination.Assignment.Domain;
using Coordination.Assignment.Persistence;
using Coordination.Assignment.Workflow;
using Coordination.Contracts;
using Coordination.Grpc.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OwnershipApi = Coordination.Grpc.Assignment.CaseOwnershipService;

namespace Coordination.Assignment.Api;

/// <summary>Case ownership (包案, §12, ADR 27): validation at the edge, one workflow call, the view.</summary>
public sealed class CaseOwnershipGrpcService(OwnershipActions actions, SuggestionQueries queries, UnitDirectory units, TimeProvider clock)
    : OwnershipApi.CaseOwnershipServiceBase
{
    private static readonly PageTokens Pages = new("assignment.ListOwnedCases", PagePart.Time, PagePart.Id);

    public override async Task<TakeCaseOwnershipResponse> TakeCaseOwnership(TakeCaseOwnershipRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var caseId = errors.RequireGuid(request.CaseId, "case_id");
        var plan = errors.Text(request.Plan, "plan", FieldLimits.OwnershipPlan);
        var jointUnits = await errors.UnitsAsync(units, "joint_units", request.JointUnits, context.CancellationToken);
        errors.Check(request.JointUnits.Count > 0, "joint_units", "names at least one unit handling the case jointly");
        errors.Check(request.ProgressEveryWorkingDays is >= 0 and <= Domain.RuleSet.MaxWorkingDays, "progress_every_working_days",
            $"must be 1 to {Domain.RuleSet.MaxWorkingDays} working days, or 0 for the rule set's");
        errors.ThrowIfAny();
        var ownership = await actions.TakeAsync(caseId, plan, jointUnits, request.ProgressEveryWorkingDays, Caller.From(context), context.CancellationToken);
        return new() { Ownership = View(ownership, clock.GetUtcNow()) };
    }

    public override async Task<RecordOwnershipProgressResponse> RecordOwnershipProgress(RecordOwnershipProgressRequest request, ServerCallContext context)
    {
        var note = "";
        var id = FieldErrors.ValidId(request.OwnershipId, "ownership_id", e => note = e.Text(request.Note, "note", FieldLimits.OwnershipProgressNote));
        return new() { Ownership = View(await actions.RecordProgressAsync(id, note, Caller.From(context), context.CancellationToken), clock.GetUtcNow()) };
    }

    /// <summary>A leader's dashboard: the files they own; a bureau: every file of its jurisdiction.</summary>
    public override async Task<ListOwnedCasesResponse> ListOwnedCases(ListOwnedCasesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Leader, Roles.Bureau);
        var errors = new FieldErrors();
        var page = Pages.Read(errors, request.PageSize, request.PageToken, query: caller.Subject);
        errors.ThrowIfAny();
        var rows = caller.Is(Roles.Leader)
            ? await queries.OwnershipsAsync(caller.Subject, null, page.After, page.Fetch, context.CancellationToken)
            : await queries.OwnershipsAsync(null, caller.JurisdictionPrefix, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = Pages.Page(rows, page, o => PageKey.Of(o.NextProgressDueAt, o.Id));
        var now = clock.GetUtcNow();
        return new ListOwnedCasesResponse { Ownerships = { items.Select(o => View(o, now)) }, NextPageToken = next };
    }

    private static OwnedCaseView View(CaseOwnership o, DateTimeOffset now) => new()
    {
        OwnershipId = o.Id.ToString(), CaseId = o.CaseId.ToString(), CaseNumber = o.CaseNumber, RegionCode = o.RegionCode, Topic = o.Topic, Leader = o.Leader,
        LeaderName = o.LeaderName, LeaderUnit = o.LeaderUnit, Plan = o.Plan, JointUnits = { o.JointUnits },
        ProgressEveryWorkingDays = o.ProgressEveryWorkingDays, NextProgressDueAt = Timestamp.FromDateTimeOffset(o.NextProgressDueAt), LastNote = o.LastNote ?? "",
        LastNoteAt = o.LastNoteAt is { } at ? Timestamp.FromDateTimeOffset(at) : null, Notes = o.Notes, TakenAt = Timestamp.FromDateTimeOffset(o.TakenAt),
        Overdue = o.Overdue(now), EndedAt = o.EndedAt is { } ended ? Timestamp.FromDateTimeOffset(ended) : null,
    };
}
