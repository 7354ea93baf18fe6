using Coordination.Contracts.Assignment;
using Coordination.Intake.Domain;
using Coordination.Intake.Persistence;
using Coordination.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Intake.Workflow;

/// <summary>
/// Keeps the petition's status, the units it was handed to and the petitioner's view of its handling (CaseProgress), as
/// Assignment reports them: the petitioner's status view, the self-service and a department's right to read the
/// petition depend on it. Each message is applied once (inbox), in a transaction shared with the progress reports
/// consumed at the same moment (GroupCommit).
/// </summary>
public sealed class AssignmentProgress(GroupCommit<IntakeDb> commits)
{
    /// <summary>The inbox records applied messages under this name; it was the consumer's name, so it stays.</summary>
    public const string InboxName = "AssignmentProgressConsumer";

    public Task RecordAssignmentAsync(ConsumeContext<CaseAssigned> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (p, progress) =>
        {
            p.RecordAssignment(context.Message.UnitCode);
            progress.Assigned(context.Message.AssignmentId, context.Message.UnitCode, context.Message.AcknowledgeDueAt);
        });

    public Task RecordAcknowledgementAsync(ConsumeContext<AssignmentAcknowledged> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (p, progress) =>
        {
            p.RecordAcknowledgement(context.Message.UnitCode);
            progress.Acknowledged(context.Message.AssignmentId);
        });

    public Task RecordAcceptanceAsync(ConsumeContext<AssignmentAccepted> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (_, progress) => progress.Accepted(context.Message.AssignmentId, context.Message.HandlingDueAt));

    public Task RecordReturnAsync(ConsumeContext<AssignmentReturned> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (p, progress) =>
        {
            p.RecordReturn(context.Message.UnitCode);
            progress.Returned(context.Message.AssignmentId);
        });

    public Task RecordReplyAsync(ConsumeContext<ReplySubmitted> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (_, progress) =>
            progress.Replied(context.Message.Answer, context.Message.OccurredAt, context.Message.ReviewWindowEndsAt));

    public Task RecordRatingAsync(ConsumeContext<SatisfactionRated> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (_, progress) =>
            progress.Rated(context.Message.Rating, context.Message.Reason, context.Message.ByPetitioner));

    /// <summary>The review is decided by the unit that recorded the request, or for the petitioner's own, the first receiver's.</summary>
    public Task RecordReviewRequestAsync(ConsumeContext<ReviewRequested> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (p, progress) =>
            progress.ReviewRequested(context.Message.Stage, context.Message.DecideBy, context.Message.ActorUnit ?? p.ReceivingUnit, context.Message.ByPetitioner));

    public Task RecordReviewDecisionAsync(ConsumeContext<ReviewDecided> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (_, progress) =>
            progress.ReviewDecided(context.Message.Stage, context.Message.Decision, context.Message.Answer, context.Message.NextWindowEndsAt));

    public Task RecordRefusalAsync(ConsumeContext<PetitionerRequestRefused> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (_, progress) =>
            progress.Refused(context.Message.Request, ProgressStatus.RefusalText(context.Message.Rule)));

    public Task RecordClosureAsync(ConsumeContext<CaseClosed> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (p, progress) =>
        {
            p.RecordClosure(context.Message.Outcome, context.Message.Final);
            progress.Closed();
        });

    public Task RecordSuggestionPassedAsync(ConsumeContext<SuggestionPassed> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (_, progress) => progress.SuggestionPassed(context.Message.UnitCode, context.Message.EvaluateBy));

    public Task RecordSuggestionEvaluatedAsync(ConsumeContext<SuggestionEvaluated> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (_, progress) => progress.SuggestionEvaluated(context.Message.Outcome, context.Message.Reasons));

    public Task RecordSuggestionCommendedAsync(ConsumeContext<SuggestionCommended> context) =>
        OnPetitionAsync(context, context.Message.CaseId, (_, progress) => progress.SuggestionCommended(context.Message.Commendation));

    /// <summary>An event for a case Intake never registered is a fault: it goes to retries and then the error queue.</summary>
    private Task OnPetitionAsync<T>(ConsumeContext<T> context, Guid caseId, Action<Petition, CaseProgress> change) where T : class =>
        commits.ApplyOnceAsync(context.MessageId ?? throw new InvalidOperationException("a message without a MessageId cannot be de-duplicated"),
            InboxName, async (db, ct) =>
        {
            // A return and the next hand-over arrive together: each changes the assigned units, so one waits for the other
            // (locked and read in one statement, or for the whole batch before it: PreloadedPetitions).
            var petition = (db.Preloaded?.Found(db, PreloadedPetitions.Petitions, caseId) == true ? db.Petitions.Local.FirstOrDefault(p => p.Id == caseId) : null)
                ?? await db.Petitions.FromSql($"SELECT * FROM petitions WHERE \"Id\" = {caseId} FOR UPDATE").FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"{typeof(T).Name} for unknown case {caseId}");
            change(petition, await ProgressOfAsync(db, caseId, ct));
        }, caseId, context.CancellationToken);

    /// <summary>
    /// The case's progress, made on its first event; the caller holds the petition's row lock. One already in the unit
    /// of work (an earlier event of the case in the same batch) is taken from there.
    /// </summary>
    public static async Task<CaseProgress> ProgressOfAsync(IntakeDb db, Guid caseId, CancellationToken ct)
    {
        var progress = db.CaseProgress.Local.FirstOrDefault(p => p.CaseId == caseId)
            ?? (db.Preloaded?.Absent(db, PreloadedPetitions.Progress, caseId) == true ? null
                : await db.CaseProgress.FirstOrDefaultAsync(p => p.CaseId == caseId, ct));
        if (progress is null) db.CaseProgress.Add(progress = new CaseProgress { CaseId = caseId });
        return progress;
    }
}
