using Coordination.Assignment.Persistence;
using Coordination.Contracts.Assignment;
using Coordination.Contracts.Intake;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Persistence;
using Coordination.ServiceDefaults.Rules;
using MassTransit;

namespace Coordination.Assignment.Workflow;

/// <summary>
/// The petitioner's own rating and review requests, which reach Assignment from Intake's self-service (Intake checked the
/// query code and its second factor). They go through the same rules as the staff's (ReviewActions); what the case's state
/// refuses is answered with PetitionerRequestRefused, so the petitioner reads why on their next lookup. Once per message.
/// </summary>
public sealed class PetitionerRequests(InboxProcessor<AssignmentDb> inbox, CaseUnitOfWork work)
{
    public const string Actor = "petitioner";
    private const string InboxKey = "PetitionerRequestConsumer";

    public Task RateAsync(ConsumeContext<PetitionerRatedReply> context) =>
        OnCaseAsync(context, context.Message.CaseId, "rating", (c, ctx) =>
        {
            ReviewActions.Rate(c, ctx, context.Message.Rating, context.Message.Reason, Actor, null, byPetitioner: true);
            return Task.CompletedTask;
        });

    public Task RequestReviewAsync(ConsumeContext<PetitionerRequestedReview> context) =>
        OnCaseAsync(context, context.Message.CaseId, "review", (c, ctx) =>
            ReviewActions.RequestReviewAsync(c, ctx, context.Message.Reasons, Actor, null, context.Message.ReceivingUnit, byPetitioner: true));

    private Task OnCaseAsync<T>(ConsumeContext<T> context, Guid caseId, string request, Func<Domain.HandlingCase, CaseUnitOfWork.Context, Task> action)
        where T : class =>
        inbox.ApplyOnceAsync(context, InboxKey, async (db, ct) =>
        {
            var locked = await work.LockedAsync(caseId, new Caller(Actor, Actor, "", ""), ct)
                ?? throw new InvalidOperationException($"{typeof(T).Name} for unknown case {caseId}");
            var (c, ctx) = locked;
            try
            {
                // Every rule is checked before the case changes, so a refusal leaves nothing half done.
                await action(c, ctx);
            }
            catch (DomainRuleException refused)
            {
                db.Publish(new PetitionerRequestRefused { CaseId = caseId, Request = request, Rule = refused.Rule, Reason = refused.Message, OccurredAt = ctx.Now }, caseId);
            }
        });
}
