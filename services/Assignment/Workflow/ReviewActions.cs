using Coordination.Assignment.Domain;
using Coordination.Contracts.Assignment;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// After the answer: the petitioner's rating, review (复查) and re-review (复核) requests recorded by the bureau,
/// their decisions, and hearings that pause the re-review clock. After re-review the matter is final.
/// </summary>
public sealed class ReviewActions(CaseUnitOfWork work)
{
    public static readonly IReadOnlySet<string> Ratings = new HashSet<string> { "satisfied", "basically_satisfied", "dissatisfied" };
    public static readonly IReadOnlySet<string> Decisions = new HashSet<string> { "upheld", "changed", "revoked" };

    public Task<HandlingCase> RateAsync(Guid caseId, string rating, string? reason, Caller clerk, CancellationToken ct) =>
        work.OnCaseAsync(caseId, clerk.Require(Roles.Clerk, Roles.Bureau), (c, ctx) =>
        {
            Rate(c, ctx, rating, reason, clerk.Subject, clerk.Unit, byPetitioner: false);
            return Task.FromResult(c);
        }, ct);

    public Task<HandlingCase> RequestReviewAsync(Guid caseId, string reasons, Caller clerk, CancellationToken ct) =>
        work.OnCaseAsync(caseId, clerk.Require(Roles.Clerk, Roles.Bureau), async (c, ctx) =>
        {
            await RequestReviewAsync(c, ctx, reasons, clerk.Subject, clerk.Unit, clerk.Unit, byPetitioner: false);
            return c;
        }, ct);

    /// <summary>The rating, by staff for the petitioner or by the petitioner themselves (PetitionerRequests).</summary>
    public static void Rate(HandlingCase c, CaseUnitOfWork.Context ctx, string rating, string? reason, string actor, string? actorUnit, bool byPetitioner)
    {
        c.Rate(rating);
        ctx.Db.Publish(new SatisfactionRated
        {
            CaseId = c.Id, Rating = rating, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), ByPetitioner = byPetitioner,
            Actor = actor, ActorUnit = actorUnit, OccurredAt = ctx.Now,
        }, c.Id);
    }

    /// <summary>复查 or 复核: the window's timer is met and the decision limit starts for <paramref name="decidingUnit"/>.</summary>
    public static async Task RequestReviewAsync(HandlingCase c, CaseUnitOfWork.Context ctx, string reasons, string actor, string? actorUnit,
        string decidingUnit, bool byPetitioner)
    {
        if (string.IsNullOrWhiteSpace(reasons)) throw new DomainRuleException("ReviewNeedsReasons", "a review request states its reasons");
        var stage = c.RequestReview(ctx.Now);
        await ctx.MeetAsync(c.Id, null, DeadlineSteps.ReviewWindow);
        var decideBy = ctx.Limits.ReviewDecisionBy(ctx.Now);
        ctx.Start(c, null, stage == "review" ? DeadlineSteps.ReviewDecision : DeadlineSteps.ReReviewDecision, decidingUnit, decideBy);
        ctx.Db.Publish(new ReviewRequested
        {
            CaseId = c.Id, Stage = stage, Actor = actor, ActorUnit = actorUnit, Reasons = reasons.Trim(), DecideBy = decideBy,
            ByPetitioner = byPetitioner, OccurredAt = ctx.Now,
        }, c.Id);
    }

    public Task<HandlingCase> DecideReviewAsync(Guid caseId, string decision, string answer, Caller bureau, CancellationToken ct) =>
        work.OnCaseAsync(caseId, bureau.Require(Roles.Bureau), async (c, ctx) =>
        {
            var hearing = await ctx.OpenAsync(c.Id, DeadlineSteps.ReReviewDecision);
            if (hearing?.PausedAt is not null) throw new DomainRuleException("HearingInProgress", "decide after the hearing ends");
            var nextWindow = ctx.Limits.ReviewWindowEnds(ctx.Now);
            var stage = c.DecideReview(decision, answer, ctx.Now, nextWindow);
            await ctx.MeetAsync(c.Id, null, DeadlineSteps.ReviewDecision, DeadlineSteps.ReReviewDecision);
            ctx.Db.Publish(new ReviewDecided { CaseId = c.Id, Stage = stage, Actor = bureau.Subject, ActorUnit = bureau.Unit, Decision = decision, Answer = answer,
                NextWindowEndsAt = c.Final ? null : nextWindow, OccurredAt = ctx.Now }, c.Id);
            if (c.Final)
            {
                ctx.Db.Publish(new CaseClosed { CaseId = c.Id, Outcome = c.Outcome ?? decision, Final = true, Reason = "re-review decided: final", OccurredAt = ctx.Now }, c.Id);
                await OwnershipEnding.WithCaseAsync(ctx.Db, ctx.Deadlines, c.Id, ctx.Now, ct);
            }
            else
                ctx.Start(c, null, DeadlineSteps.ReviewWindow, bureau.Unit, nextWindow);
            return c;
        }, ct);

    public Task<HandlingCase> HearingAsync(Guid caseId, bool start, Caller bureau, CancellationToken ct) =>
        work.OnCaseAsync(caseId, bureau.Require(Roles.Bureau), async (c, ctx) =>
        {
            c.RequireReReviewPending();
            var decision = await ctx.OpenAsync(c.Id, DeadlineSteps.ReReviewDecision)
                ?? throw new DomainRuleException("NoReReviewPending", "no re-review clock is running");
            if (start)
            {
                if (decision.PausedAt is not null) throw new DomainRuleException("HearingInProgress", "a hearing is already running");
                decision.Pause(ctx.Now);
                ctx.Db.Publish(new HearingStarted { CaseId = c.Id, Actor = bureau.Subject, ActorUnit = bureau.Unit, OccurredAt = ctx.Now }, c.Id);
            }
            else
            {
                if (decision.PausedAt is null) throw new DomainRuleException("NoHearingInProgress", "no hearing is running");
                decision.Resume(ctx.Now, ctx.Limits.Ladder, ctx.Limits.Calendar);
                ctx.Db.Publish(new HearingEnded { CaseId = c.Id, Actor = bureau.Subject, ActorUnit = bureau.Unit, DecideBy = decision.DueAt, OccurredAt = ctx.Now }, c.Id);
            }
            return c;
        }, ct);
}
