using System.Text.RegularExpressions;
using Coordination.Assignment.Persistence;
using Coordination.Assignment.Workflow;
using Coordination.Contracts;
using Coordination.Contracts.Assignment;
using Coordination.Grpc.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Directory;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Rules;
using Grpc.Core;
using static Coordination.Assignment.Api.AccountabilityViews;

namespace Coordination.Assignment.Api;

/// <summary>Major events (§11): the bureau acts within its jurisdiction; leaders read.</summary>
public sealed partial class MajorEventGrpcService(MajorEventActions actions, AccountabilityQueries queries, UnitDirectory units)
    : MajorEventService.MajorEventServiceBase
{
    private static readonly PageTokens EventPages = new("assignment.ListMajorEvents", PagePart.Time, PagePart.Id);
    private static readonly PageTokens WarningPages = new("assignment.ListEarlyWarnings", PagePart.Time, PagePart.Id);

    public override async Task<OpenMajorEventResponse> OpenMajorEvent(OpenMajorEventRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var caseId = OptionalId(errors, request.CaseId, "case_id");
        var warningId = OptionalId(errors, request.EarlyWarningId, "early_warning_id");
        errors.Check(caseId is not null || warningId is not null, "case_id", "is required unless early_warning_id is given");
        errors.Check(MajorEventKinds.All.Contains(request.Kind), "kind", "must be one of " + string.Join(", ", MajorEventKinds.All));
        var title = errors.Text(request.Title, "title", FieldLimits.MajorEventTitle);
        errors.ThrowIfAny();
        var m = await actions.OpenAsync(caseId, warningId, request.Kind, title, Caller.From(context), context.CancellationToken);
        return new() { MajorEvent = ToView(m) };
    }

    public override async Task<ReportMajorEventResponse> ReportMajorEvent(ReportMajorEventRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.RequireGuid(request.MajorEventId, "major_event_id");
        errors.Entries(request.Levels, "levels", ReportLevels.All.Count, min: 1);
        for (var i = 0; i < request.Levels.Count; i++)
            errors.Check(ReportLevels.All.Contains(request.Levels[i]), $"levels[{i}]", "must be one of " + string.Join(", ", ReportLevels.All));
        errors.Check(request.Levels.Distinct().Count() == request.Levels.Count, "levels", "names a level twice");
        var content = errors.Text(request.Content, "content", FieldLimits.MajorEventReport);
        errors.ThrowIfAny();
        return new() { MajorEvent = ToView(await actions.ReportAsync(id, [.. request.Levels], content, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<CloseMajorEventResponse> CloseMajorEvent(CloseMajorEventRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.RequireGuid(request.MajorEventId, "major_event_id");
        var summary = errors.Text(request.Summary, "summary", FieldLimits.MajorEventSummary);
        errors.ThrowIfAny();
        return new() { MajorEvent = ToView(await actions.CloseAsync(id, summary, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<DispatchReturnTeamResponse> DispatchReturnTeam(DispatchReturnTeamRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.RequireGuid(request.MajorEventId, "major_event_id");
        errors.Check(DispatchWords.Destinations.Contains(request.Destination), "destination", "must be beijing or provincial_capital");
        var from = await errors.UnitAsync(units, "from_unit", request.FromUnit, context.CancellationToken, required: false); // empty: the §9 record's unit
        errors.Entries(request.People, "people", 10, min: 1);
        var people = request.People.Select(p => p.Trim().ToLowerInvariant()).ToList();
        for (var i = 0; i < people.Count; i++) errors.Check(LoginPattern().IsMatch(people[i]), $"people[{i}]", "must be a directory login");
        errors.Check(people.Distinct().Count() == people.Count, "people", "names a person twice");
        errors.Check(request.DepartAt is not null, "depart_at", "is required");
        DateTimeOffset departAt = default;
        if (request.DepartAt is not null)
        {
            try { departAt = request.DepartAt.ToDateTimeOffset(); }
            catch (Exception) { errors.Add("depart_at", "is not a valid time"); }
        }
        errors.ThrowIfAny();
        return new() { MajorEvent = ToView(await actions.DispatchAsync(id, request.Destination, from, people, departAt, Caller.From(context), context.CancellationToken)) };
    }

    public override async Task<RecordDispatchOutcomeResponse> RecordDispatchOutcome(RecordDispatchOutcomeRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.RequireGuid(request.DispatchId, "dispatch_id");
        errors.Check(DispatchWords.Outcomes.Contains(request.Outcome), "outcome", "must be returned, received or not_returned");
        errors.Check(request.PetitionersReturned is >= 0 and <= 10000, "petitioners_returned", "must be 0 to 10000");
        var note = errors.Text(request.Note, "note", FieldLimits.DispatchNote, required: false);
        errors.ThrowIfAny();
        return new()
        {
            MajorEvent = ToView(await actions.RecordOutcomeAsync(id, request.Outcome, request.PetitionersReturned, note, Caller.From(context), context.CancellationToken)),
        };
    }

    public override async Task<GetMajorEventResponse> GetMajorEvent(GetMajorEventRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        var id = FieldErrors.ValidId(request.MajorEventId, "major_event_id");
        var m = await queries.MajorEventAsync(id, context.CancellationToken);
        if (m is null || !caller.Covers(m.RegionCode)) throw new NotFoundException("major_event");
        return new() { MajorEvent = ToView(m) };
    }

    public override async Task<ListMajorEventsResponse> ListMajorEvents(ListMajorEventsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        var errors = new FieldErrors();
        var caseId = OptionalId(errors, request.CaseId, "case_id");
        var page = EventPages.Read(errors, request.PageSize, request.PageToken, query: $"{request.CaseId}|{request.OpenOnly}");
        errors.ThrowIfAny();
        var rows = await queries.MajorEventsAsync(caller.JurisdictionPrefix, caseId, request.OpenOnly, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = EventPages.Page(rows, page, m => PageKey.Of(m.OpenedAt, m.Id));
        return new ListMajorEventsResponse { MajorEvents = { items.Select(ToView) }, NextPageToken = next };
    }

    public override async Task<ListEarlyWarningsResponse> ListEarlyWarnings(ListEarlyWarningsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau, Roles.Leader);
        var errors = new FieldErrors();
        var page = WarningPages.Read(errors, request.PageSize, request.PageToken);
        errors.ThrowIfAny();
        var rows = await queries.EarlyWarningsAsync(caller.JurisdictionPrefix, page.After, page.Fetch, context.CancellationToken);
        var (items, next) = WarningPages.Page(rows, page, w => PageKey.Of(w.RaisedAt, w.Id));
        return new ListEarlyWarningsResponse { EarlyWarnings = { items.Select(ToView) }, NextPageToken = next };
    }

    private static Guid? OptionalId(FieldErrors errors, string value, string field) =>
        string.IsNullOrEmpty(value) ? null : errors.RequireGuid(value, field);

    /// <summary>The Directory's login names (LoginName there): plain lower-case ASCII.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex LoginPattern();
}
