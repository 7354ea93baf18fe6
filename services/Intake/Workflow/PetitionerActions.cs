using Coordination.Contracts.Intake;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Intake.Workflow;

/// <summary>
/// The petitioner's own actions in the self-service, once Intake knows them by the query code and its second factor:
/// rating the answer and asking for review. Assignment owns both, so each is published to it (through the outbox) and
/// shown as on its way until Assignment records or refuses it; Intake refuses at once what its copy already rules out.
/// </summary>
public sealed class PetitionerActions(IntakeDb db, TimeProvider clock)
{
    public Task RateAsync(Petition casePetition, string rating, string? reason, CancellationToken ct) =>
        OnCaseAsync(casePetition, (progress, now) =>
        {
            progress.RequireRatable();
            progress.RatingSent();
            db.Publish(new PetitionerRatedReply { CaseId = casePetition.Id, Rating = rating, Reason = reason, OccurredAt = now }, casePetition.Id);
        }, ct);

    public Task RequestReviewAsync(Petition casePetition, string reasons, CancellationToken ct) =>
        OnCaseAsync(casePetition, (progress, now) =>
        {
            progress.RequireReviewable(now, casePetition.Status == PetitionStatuses.Closed);
            progress.ReviewSent();
            db.Publish(new PetitionerRequestedReview
            {
                CaseId = casePetition.Id, Reasons = reasons, ReceivingUnit = casePetition.ReceivingUnit, OccurredAt = now,
            }, casePetition.Id);
        }, ct);

    private async Task OnCaseAsync(Petition casePetition, Action<CaseProgress, DateTimeOffset> action, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The same lock as Assignment's progress takes, so a request and the event that answers it never cross.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM petitions WHERE \"Id\" = {casePetition.Id} FOR UPDATE", ct);
        action(await AssignmentProgress.ProgressOfAsync(db, casePetition.Id, ct), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
