using Coordination.Assignment.Domain;
using Coordination.Grpc.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Rules;
using Coordination.ServiceDefaults.Time;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RuleSetView = Coordination.Grpc.Assignment.RuleSet;

namespace Coordination.Assignment.Api;

/// <summary>Rule sets, for administrators only (ADR 20).</summary>
public sealed partial class AssignmentGrpcService
{
    public override async Task<ListRuleSetsResponse> ListRuleSets(ListRuleSetsRequest request, ServerCallContext context)
    {
        Caller.From(context).Require(Roles.Administrator);
        var all = await queries.RuleSetsAsync(context.CancellationToken);
        return new ListRuleSetsResponse
        {
            RuleSets = { all.OrderBy(r => r.EffectiveFrom).ThenBy(r => r.SavedAt).Select(View) },
            InForce = Domain.RuleSet.InForce(all, clock.GetUtcNow()).Version,
        };
    }

    public override async Task<SaveRuleSetResponse> SaveRuleSet(SaveRuleSetRequest request, ServerCallContext context)
    {
        var administrator = Caller.From(context).Require(Roles.Administrator);
        var errors = new FieldErrors();
        var draft = Draft(errors, request.RuleSet, "rule_set", WorkingDays.DayOf(clock.GetUtcNow()), needsEffectiveDay: true);
        errors.ThrowIfAny();
        return new SaveRuleSetResponse { RuleSet = View(await ruleSets.SaveAsync(draft!, administrator, context.CancellationToken)) };
    }

    public override async Task<PreviewDeadlinesResponse> PreviewDeadlines(PreviewDeadlinesRequest request, ServerCallContext context)
    {
        Caller.From(context).Require(Roles.Administrator);
        var errors = new FieldErrors();
        errors.Check(DateOnly.TryParseExact(request.RegistrationDay, "yyyy-MM-dd", out var day) && day.Year is >= 2000 and <= 2199,
            "registration_day", "must be a date (yyyy-MM-dd) from 2000 to 2199");
        errors.Text(request.Version, "version", Contracts.FieldLimits.RuleSetVersion, required: false);
        errors.Check(request.Version.Trim().Length == 0 || request.RuleSet is null, "rule_set", "give a saved version or a draft rule set, not both");
        var draft = request.RuleSet is null ? null : Draft(errors, request.RuleSet, "rule_set", DateOnly.MinValue, needsEffectiveDay: false);
        errors.ThrowIfAny();
        var all = await queries.RuleSetsAsync(context.CancellationToken);
        var version = request.Version.Trim();
        var rules = draft
            ?? (version.Length > 0 ? all.FirstOrDefault(r => r.Version == version) ?? throw new NotFoundException("rule set")
                : Domain.RuleSet.InForce(all, WorkingDays.EndOf(day).AddTicks(-1)));
        var calendar = await calendars.GetAsync(context.CancellationToken);
        return new PreviewDeadlinesResponse
        {
            Version = rules.Version,
            Deadlines =
            {
                DeadlinePreview.For(rules, calendar, day).Select(l => new PreviewedDeadline
                    { Step = l.Step, DueAt = Timestamp.FromDateTimeOffset(l.DueAt), CountedIn = l.CountedIn, Length = l.Length }),
            },
        };
    }

    /// <summary>A rule set from the request with every bad field named (prefix.field); null when absent.</summary>
    private static Domain.RuleSet? Draft(FieldErrors errors, RuleSetView? view, string prefix, DateOnly today, bool needsEffectiveDay)
    {
        if (view is null) { errors.Add(prefix, "is required"); return null; }
        var effectiveFrom = DateOnly.MinValue;
        if (needsEffectiveDay && !(DateOnly.TryParseExact(view.EffectiveFrom, "yyyy-MM-dd", out effectiveFrom) && effectiveFrom.Year is >= 2000 and <= 2199))
        {
            errors.Add($"{prefix}.effective_from", "must be a date (yyyy-MM-dd) from 2000 to 2199");
            effectiveFrom = today;
        }
        var draft = new Domain.RuleSet
        {
            Version = "draft", EffectiveFrom = needsEffectiveDay ? effectiveFrom : today,
            AcknowledgeWorkingDays = view.AcknowledgeWorkingDays, AcceptNoticeDays = view.AcceptNoticeDays, ObjectionWorkingDays = view.ObjectionWorkingDays,
            HandlingDays = view.HandlingDays, MaxExtensionDays = view.MaxExtensionDays, RehandlingDays = view.RehandlingDays,
            ReviewRequestDays = view.ReviewRequestDays, ReviewDecisionDays = view.ReviewDecisionDays, ReturnCap = view.ReturnCap,
            ReminderFraction = view.ReminderFraction, SupervisionWorkingDays = view.SupervisionWorkingDays,
            // Added after the first clients: 0 (not sent) keeps the default rather than refusing their saves.
            SuggestionEvaluationWorkingDays = view.SuggestionEvaluationWorkingDays == 0 ? Defaults.SuggestionEvaluationWorkingDays : view.SuggestionEvaluationWorkingDays,
            OwnershipProgressWorkingDays = view.OwnershipProgressWorkingDays == 0 ? Defaults.OwnershipProgressWorkingDays : view.OwnershipProgressWorkingDays,
        };
        foreach (var (field, problem) in draft.Problems(today)) errors.Add($"{prefix}.{field}", problem);
        return draft;
    }

    private static readonly Domain.RuleSet Defaults = new() { Version = "defaults" };

    private static RuleSetView View(Domain.RuleSet r) => new()
    {
        Version = r.Version, EffectiveFrom = r.EffectiveFrom.ToString("yyyy-MM-dd"), AcknowledgeWorkingDays = r.AcknowledgeWorkingDays,
        AcceptNoticeDays = r.AcceptNoticeDays, ObjectionWorkingDays = r.ObjectionWorkingDays, HandlingDays = r.HandlingDays,
        MaxExtensionDays = r.MaxExtensionDays, RehandlingDays = r.RehandlingDays, ReviewRequestDays = r.ReviewRequestDays,
        ReviewDecisionDays = r.ReviewDecisionDays, ReturnCap = r.ReturnCap, ReminderFraction = r.ReminderFraction,
        SupervisionWorkingDays = r.SupervisionWorkingDays,
        SuggestionEvaluationWorkingDays = r.SuggestionEvaluationWorkingDays, OwnershipProgressWorkingDays = r.OwnershipProgressWorkingDays, SavedAt = Timestamp.FromDateTimeOffset(r.SavedAt), SavedBy = r.SavedBy,
    };
}
